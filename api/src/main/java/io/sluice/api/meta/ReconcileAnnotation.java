package io.sluice.api.meta;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Map;

/**
 * Flux's "reconcile now" annotation, {@code reconcile.fluxcd.io/requestedAt}: {@code flux reconcile} and
 * {@code sluice reconcile} set it to the current time, and the controllers reconcile the object when its value
 * changes, writing it to {@code status.lastHandledReconcileAt} when done.
 */
public final class ReconcileAnnotation {

    public static final String REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";

    private ReconcileAnnotation() {
    }

    /** The annotation's value on {@code object}, or null when it has none. */
    public static String requestedAt(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata() == null ? null : object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(REQUESTED_AT);
    }
}
