package io.sluice.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A reference to an object in the same namespace, by name (Flux meta.LocalObjectReference).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LocalObjectReference extends KeepsUnknownFields {

    private String name;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
