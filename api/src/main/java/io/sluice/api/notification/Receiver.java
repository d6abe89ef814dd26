package io.sluice.api.notification;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A webhook endpoint (served by the webhook-gateway) that triggers reconciliation of the listed objects.
 *
 * <p>Flux-compatible: {@code notification.toolkit.fluxcd.io/v1}, kind {@code Receiver}, same field names.
 */
@Group(Receiver.GROUP)
@Version(Receiver.VERSION)
@Kind(Receiver.KIND)
@Plural(Receiver.PLURAL)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.conditions[?(@.type==\"Ready\")].message", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Receiver extends CustomResource<ReceiverSpec, ReceiverStatus> implements Namespaced {

    public static final String GROUP = "notification.toolkit.fluxcd.io";
    public static final String VERSION = "v1";
    public static final String KIND = "Receiver";
    public static final String PLURAL = "receivers";
    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;
}
