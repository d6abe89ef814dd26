package io.sluice.api.kustomize;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * A strategic-merge or JSON6902 patch and the objects it applies to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Patch extends KeepsUnknownFields {

    private String patch;
    private Selector target;

    public String getPatch() {
        return patch;
    }

    public void setPatch(String patch) {
        this.patch = patch;
    }

    public Selector getTarget() {
        return target;
    }

    public void setTarget(Selector target) {
        this.target = target;
    }
}
