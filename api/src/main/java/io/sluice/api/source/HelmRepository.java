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
 * A Helm chart repository, either an HTTP index ({@code type: default}) or an OCI registry ({@code type: oci}).
 *
 * <p>Flux-compatible: {@code source.toolkit.fluxcd.io/v1}, kind {@code HelmRepository}, same field names.
 */
@Group(HelmRepository.GROUP)
@Version(HelmRepository.VERSION)
@Kind(HelmRepository.KIND)
@Plural(HelmRepository.PLURAL)
@ShortNames({"helmrepo"})
@AdditionalPrinterColumn(name = "URL", jsonPath = ".spec.url", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.conditions[?(@.type==\"Ready\")].message", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class HelmRepository extends CustomResource<HelmRepositorySpec, HelmRepositoryStatus> implements Namespaced {

    public static final String GROUP = "source.toolkit.fluxcd.io";
    public static final String VERSION = "v1";
    public static final String KIND = "HelmRepository";
    public static final String PLURAL = "helmrepositories";
    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
