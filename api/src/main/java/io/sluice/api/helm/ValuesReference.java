package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * A ConfigMap or Secret key whose content is merged into the chart values ({@code spec.valuesFrom[]}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ValuesReference extends KeepsUnknownFields {

    private String kind;
    private String name;
    /** Defaults to {@code values.yaml}. */
    private String valuesKey;
    private String targetPath;
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

    public String getValuesKey() {
        return valuesKey;
    }

    public void setValuesKey(String valuesKey) {
        this.valuesKey = valuesKey;
    }

    public String getTargetPath() {
        return targetPath;
    }

    public void setTargetPath(String targetPath) {
        this.targetPath = targetPath;
    }

    public Boolean getOptional() {
        return optional;
    }

    public void setOptional(Boolean optional) {
        this.optional = optional;
    }
}
