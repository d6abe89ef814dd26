package io.sluice.api.source;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Helm chart packaged from a source: pulled from a HelmRepository (the highest version in {@code spec.version}) or
 * packaged from a folder of a GitRepository's artifact. The packaged chart (.tgz) is its artifact, whose revision is
 * the chart version. HelmReleases with {@code spec.chart} get one made for them.
 *
 * <p>Flux-compatible: {@code source.toolkit.fluxcd.io/v1}, kind {@code HelmChart}, same field names.
 */
@Group(HelmChart.GROUP)
@Version(HelmChart.VERSION)
@Kind(HelmChart.KIND)
@Plural(HelmChart.PLURAL)
@ShortNames({"hc"})
@AdditionalPrinterColumn(name = "Chart", jsonPath = ".spec.chart", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Version", jsonPath = ".spec.version", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Source Kind", jsonPath = ".spec.sourceRef.kind", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Source Name", jsonPath = ".spec.sourceRef.name", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.conditions[?(@.type==\"Ready\")].message", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class HelmChart extends CustomResource<HelmChartSpec, HelmChartStatus> implements Namespaced {

    public static final String GROUP = "source.toolkit.fluxcd.io";
    public static final String VERSION = "v1";
    public static final String KIND = "HelmChart";
    public static final String PLURAL = "helmcharts";
    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
