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
 * An artifact in an OCI registry ({@code oci://host/repository} at a tag, semver range or digest): one of its layers,
 * extracted or copied, becomes the artifact. A Helm chart pushed to a registry is one (HelmRelease {@code spec.chartRef}).
 *
 * <p>Flux-compatible: {@code source.toolkit.fluxcd.io/v1}, kind {@code OCIRepository}, same field names.
 */
@Group(OCIRepository.GROUP)
@Version(OCIRepository.VERSION)
@Kind(OCIRepository.KIND)
@Plural(OCIRepository.PLURAL)
@ShortNames({"ocirepo"})
@AdditionalPrinterColumn(name = "URL", jsonPath = ".spec.url", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.conditions[?(@.type==\"Ready\")].message", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class OCIRepository extends CustomResource<OCIRepositorySpec, OCIRepositoryStatus> implements Namespaced {

    public static final String GROUP = "source.toolkit.fluxcd.io";
    public static final String VERSION = "v1";
    public static final String KIND = "OCIRepository";
    public static final String PLURAL = "ocirepositories";
    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
