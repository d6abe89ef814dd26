package io.sluice.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * Labels and annotations to put on every object a controller creates ({@code spec.commonMetadata}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObjectMetadata extends KeepsUnknownFields {

    private Map<String, String> labels;
    private Map<String, String> annotations;

    public Map<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations;
    }
}
