package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * How files are updated; only the {@code Setters} strategy (policy markers in YAML comments) exists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UpdateStrategy extends KeepsUnknownFields {

    private String strategy;
    private String path;

    public String getStrategy() {
        return strategy;
    }

    public void setStrategy(String strategy) {
        this.strategy = strategy;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
