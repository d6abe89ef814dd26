package io.sluice.api.kustomize;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * One applied object in the inventory: {@code id} is {@code <namespace>_<name>_<group>_<kind>}, {@code v} the version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceRef extends KeepsUnknownFields {

    private String id;
    private String v;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getV() {
        return v;
    }

    public void setV(String v) {
        this.v = v;
    }
}
