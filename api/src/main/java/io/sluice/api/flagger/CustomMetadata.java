package io.sluice.api.flagger;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import java.util.Map;

/**
 * Labels and annotations Flagger adds to the objects it generates.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomMetadata extends KeepsUnknownFields {

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
