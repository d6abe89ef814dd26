package io.sluice.api.image;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Writes the images chosen by ImagePolicies back to Git, where manifests carry policy markers.
 *
 * <p>Flux-compatible: {@code image.toolkit.fluxcd.io/v1}, kind {@code ImageUpdateAutomation}, same field names.
 */
@Group(ImageUpdateAutomation.GROUP)
@Version(ImageUpdateAutomation.VERSION)
@Kind(ImageUpdateAutomation.KIND)
@Plural(ImageUpdateAutomation.PLURAL)
@ShortNames({"iua", "imgupd", "imgauto"})
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.conditions[?(@.type==\"Ready\")].message", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ImageUpdateAutomation extends CustomResource<ImageUpdateAutomationSpec, ImageUpdateAutomationStatus> implements Namespaced {

    public static final String GROUP = "image.toolkit.fluxcd.io";
    public static final String VERSION = "v1";
    public static final String KIND = "ImageUpdateAutomation";
    public static final String PLURAL = "imageupdateautomations";
    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
