package io.sluice.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A reference to an object by name, optionally in another namespace (Flux meta.NamespacedObjectReference).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamespacedObjectReference extends KeepsUnknownFields {

    private String name;
    /** Defaults to the namespace of the referring object. */
    private String namespace;

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
