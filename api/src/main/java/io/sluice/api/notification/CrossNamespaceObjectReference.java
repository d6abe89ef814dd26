package io.sluice.api.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.Map;

/**
 * An object (or, with name {@code *} and matchLabels, a set of objects) events come from or a
 * receiver reconciles.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CrossNamespaceObjectReference extends KeepsUnknownFields {

    private String apiVersion;
    private String kind;
    private String name;
    private String namespace;
    private Map<String, String> matchLabels;

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

    public Map<String, String> getMatchLabels() {
        return matchLabels;
    }

    public void setMatchLabels(Map<String, String> matchLabels) {
        this.matchLabels = matchLabels;
    }
}
