package io.sluice.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

/**
 * Where a {@link HelmChart} comes from ({@code spec.sourceRef}): a HelmRepository, a GitRepository (the chart is a
 * folder of its artifact) or a Bucket, in the HelmChart's namespace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LocalHelmChartSourceReference extends KeepsUnknownFields {

    /** Defaults to {@code source.toolkit.fluxcd.io/v1}. */
    private String apiVersion;
    /** {@code HelmRepository}, {@code GitRepository} or {@code Bucket}. */
    private String kind;
    private String name;

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

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
}
