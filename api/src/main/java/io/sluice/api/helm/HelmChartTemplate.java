package io.sluice.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;
import io.sluice.api.meta.ObjectMetadata;

/**
 * The chart template of a HelmRelease ({@code spec.chart}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HelmChartTemplate extends KeepsUnknownFields {

    private ObjectMetadata metadata;
    private HelmChartTemplateSpec spec;

    public ObjectMetadata getMetadata() {
        return metadata;
    }

    public void setMetadata(ObjectMetadata metadata) {
        this.metadata = metadata;
    }

    public HelmChartTemplateSpec getSpec() {
        return spec;
    }

    public void setSpec(HelmChartTemplateSpec spec) {
        this.spec = spec;
    }
}
