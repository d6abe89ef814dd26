package io.sluice.api.kustomize;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * A ConfigMap or Secret whose data feeds variable substitution ({@code spec.postBuild.substituteFrom[]}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SubstituteReference extends KeepsUnknownFields {

    /** ConfigMap or Secret. */
    private String kind;
    private String name;
    private Boolean optional;

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

    public Boolean getOptional() {
        return optional;
    }

    public void setOptional(Boolean optional) {
        this.optional = optional;
    }
}
