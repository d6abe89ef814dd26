package io.sluice.api.flagger;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.NamespacedObjectReference;
import java.util.Map;

/**
 * One check of the analysis: a built-in metric by name or a MetricTemplate by reference.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryMetric extends KeepsUnknownFields {

    /** {@code request-success-rate}, {@code request-duration}, or any name with a templateRef. */
    private String name;
    /** The query's window, e.g. {@code 1m}. */
    private String interval;
    /** Deprecated single bound (Flagger v1alpha3). */
    private Double threshold;
    /** The range a value must fall in. */
    private ThresholdRange thresholdRange;
    /** Deprecated inline query. */
    private String query;
    /** The MetricTemplate whose query gives the value. */
    private NamespacedObjectReference templateRef;
    /** Values for {@code {{ variables.<key> }}} in the template's query. */
    private Map<String, String> templateVariables;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public Double getThreshold() {
        return threshold;
    }

    public void setThreshold(Double threshold) {
        this.threshold = threshold;
    }

    public ThresholdRange getThresholdRange() {
        return thresholdRange;
    }

    public void setThresholdRange(ThresholdRange thresholdRange) {
        this.thresholdRange = thresholdRange;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public NamespacedObjectReference getTemplateRef() {
        return templateRef;
    }

    public void setTemplateRef(NamespacedObjectReference templateRef) {
        this.templateRef = templateRef;
    }

    public Map<String, String> getTemplateVariables() {
        return templateVariables;
    }

    public void setTemplateVariables(Map<String, String> templateVariables) {
        this.templateVariables = templateVariables;
    }
}
