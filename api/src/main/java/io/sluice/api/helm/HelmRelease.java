package io.sluice.api.helm;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Helm chart to render with values and apply.
 *
 * <p>Flux-compatible: {@code helm.toolkit.fluxcd.io/v2}, kind {@code HelmRelease}, same field names.
 */
@Group(HelmRelease.GROUP)
@Version(HelmRelease.VERSION)
@Kind(HelmRelease.KIND)
@Plural(HelmRelease.PLURAL)
@ShortNames({"hr"})
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.conditions[?(@.type==\"Ready\")].message", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class HelmRelease extends CustomResource<HelmReleaseSpec, HelmReleaseStatus> implements Namespaced {

    public static final String GROUP = "helm.toolkit.fluxcd.io";
    public static final String VERSION = "v2";
    public static final String KIND = "HelmRelease";
    public static final String PLURAL = "helmreleases";
    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
