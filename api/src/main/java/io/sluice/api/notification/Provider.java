package io.sluice.api.notification;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Where notifications go: a chat webhook, a generic webhook, a Git commit status, ... As in Flux v1beta3, a
 * Provider has no status.
 *
 * <p>Flux-compatible: {@code notification.toolkit.fluxcd.io/v1beta3}, kind {@code Provider}, same field names.
 */
@Group(Provider.GROUP)
@Version(Provider.VERSION)
@Kind(Provider.KIND)
@Plural(Provider.PLURAL)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Provider extends CustomResource<ProviderSpec, Void> implements Namespaced {

    public static final String GROUP = "notification.toolkit.fluxcd.io";
    public static final String VERSION = "v1beta3";
    public static final String KIND = "Provider";
    public static final String PLURAL = "providers";
    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
