package io.sluice.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An object this one waits for before it is reconciled ({@code spec.dependsOn}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DependencyReference extends KeepsUnknownFields {

    private String name;
    private String namespace;
    /** A CEL expression that must hold for the dependency to count as ready (Flux 2.7). */
    private String readyExpr;

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

    public String getReadyExpr() {
        return readyExpr;
    }

    public void setReadyExpr(String readyExpr) {
        this.readyExpr = readyExpr;
    }
}
