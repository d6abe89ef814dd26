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
 * A container image repository whose tags the image-watcher scans.
 *
 * <p>Flux-compatible: {@code image.toolkit.fluxcd.io/v1}, kind {@code ImageRepository}, same field names.
 */
@Group(ImageRepository.GROUP)
@Version(ImageRepository.VERSION)
@Kind(ImageRepository.KIND)
@Plural(ImageRepository.PLURAL)
@ShortNames({"imgrepo", "imagerepo"})
@AdditionalPrinterColumn(name = "Image", jsonPath = ".spec.image", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Tags", jsonPath = ".status.lastScanResult.tagCount", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.conditions[?(@.type==\"Ready\")].message", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ImageRepository extends CustomResource<ImageRepositorySpec, ImageRepositoryStatus> implements Namespaced {

    public static final String GROUP = "image.toolkit.fluxcd.io";
    public static final String VERSION = "v1";
    public static final String KIND = "ImageRepository";
    public static final String PLURAL = "imagerepositories";
    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
