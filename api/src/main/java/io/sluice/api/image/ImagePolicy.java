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
 * Rules for choosing the latest image from the tags of an {@link ImageRepository}.
 *
 * <p>Flux-compatible: {@code image.toolkit.fluxcd.io/v1}, kind {@code ImagePolicy}, same field names.
 */
@Group(ImagePolicy.GROUP)
@Version(ImagePolicy.VERSION)
@Kind(ImagePolicy.KIND)
@Plural(ImagePolicy.PLURAL)
@ShortNames({"imgpol", "imagepol"})
@AdditionalPrinterColumn(name = "Image", jsonPath = ".status.latestRef.name", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Tag", jsonPath = ".status.latestRef.tag", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.conditions[?(@.type==\"Ready\")].message", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ImagePolicy extends CustomResource<ImagePolicySpec, ImagePolicyStatus> implements Namespaced {

    public static final String GROUP = "image.toolkit.fluxcd.io";
    public static final String VERSION = "v1";
    public static final String KIND = "ImagePolicy";
    public static final String PLURAL = "imagepolicies";
    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
