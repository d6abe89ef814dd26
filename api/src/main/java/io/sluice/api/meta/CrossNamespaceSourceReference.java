package io.sluice.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A reference to a source object (GitRepository, OCIRepository, Bucket, HelmChart, ...), optionally in another
 * namespace. Kustomization {@code spec.sourceRef}, HelmRelease {@code spec.chartRef} and
 * {@code spec.chart.spec.sourceRef}, ImageUpdateAutomation {@code spec.sourceRef} all use this shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CrossNamespaceSourceReference extends KeepsUnknownFields {

    private String apiVersion;
    private String kind;
    private String name;
    /** Defaults to the namespace of the referring object. */
    private String namespace;

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

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }
}
