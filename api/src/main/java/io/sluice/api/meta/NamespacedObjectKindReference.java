package io.sluice.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A reference to an object of any kind, optionally in another namespace (Flux meta.NamespacedObjectKindReference);
 * used by Kustomization health checks.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamespacedObjectKindReference extends KeepsUnknownFields {

    private String apiVersion;
    private String kind;
    private String name;
    private String namespace;

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }
}
