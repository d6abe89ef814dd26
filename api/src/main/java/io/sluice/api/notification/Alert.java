package io.sluice.api.notification;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Which events go to which {@link Provider}. As in Flux v1beta3, an Alert has no status: it is static
 * configuration, checked when it is read.
 *
 * <p>Flux-compatible: {@code notification.toolkit.fluxcd.io/v1beta3}, kind {@code Alert}, same field names.
 */
@Group(Alert.GROUP)
@Version(Alert.VERSION)
@Kind(Alert.KIND)
@Plural(Alert.PLURAL)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Alert extends CustomResource<AlertSpec, Void> implements Namespaced {

    public static final String GROUP = "notification.toolkit.fluxcd.io";
    public static final String VERSION = "v1beta3";
    public static final String KIND = "Alert";
    public static final String PLURAL = "alerts";
    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
