package io.sluice.api.kustomize;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A path in a source artifact to build with Kustomize and apply: the render-service builds it, the
 * apply-service applies, prunes and health-checks the result.
 *
 * <p>Flux-compatible: {@code kustomize.toolkit.fluxcd.io/v1}, kind {@code Kustomization}, same field names.
 */
@Group(Kustomization.GROUP)
@Version(Kustomization.VERSION)
@Kind(Kustomization.KIND)
@Plural(Kustomization.PLURAL)
@ShortNames({"ks"})
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.conditions[?(@.type==\"Ready\")].message", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Kustomization extends CustomResource<KustomizationSpec, KustomizationStatus> implements Namespaced {

    public static final String GROUP = "kustomize.toolkit.fluxcd.io";
    public static final String VERSION = "v1";
    public static final String KIND = "Kustomization";
    public static final String PLURAL = "kustomizations";
    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
