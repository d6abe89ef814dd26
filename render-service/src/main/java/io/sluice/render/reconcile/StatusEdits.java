package io.sluice.render.reconcile;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.FluxStatus;
import io.sluice.api.meta.ObjectKey;

import java.util.function.Supplier;

/**
 * Edits the status of one Flux object the way every status writer of this service must: read it fresh, change the
 * status only, write it through the status subresource, and on 409 Conflict read it again and retry, so a newer
 * object (a spec edit, apply-service's status) is never written over.
 */
final class StatusEdits {

    private static final int ATTEMPTS = 5;

    /** What an edit did. */
    enum Result {
        /** The status was written. */
        CHANGED,
        /** The status already said it; nothing was written. */
        UNCHANGED,
        /** The object no longer exists. */
        GONE
    }

    /** Changes a status in place; returns false when it already says what it should (nothing to write). */
    interface Edit<S> {
        boolean apply(S status, long generation);
    }

    private StatusEdits() {
    }

    static <R extends CustomResource<?, S>, S> Result edit(KubernetesClient client, Class<R> type, Supplier<S> emptyStatus,
                                                          ObjectKey key, Edit<S> edit) {
        for (int attempt = 1; ; attempt++) {
            R fresh = client.resources(type).inNamespace(key.namespace()).withName(key.name()).get();
            if (fresh == null) {
                return Result.GONE;
            }
            S status = fresh.getStatus() == null ? emptyStatus.get() : fresh.getStatus();
            long generation = fresh.getMetadata().getGeneration() == null ? 0 : fresh.getMetadata().getGeneration();
            if (!edit.apply(status, generation)) {
                return Result.UNCHANGED;
            }
            fresh.setStatus(status);
            try {
                client.resources(type).inNamespace(key.namespace()).resource(fresh).updateStatus();
                return Result.CHANGED;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Whether Ready is already False with this reason and message for this generation (the same failure seen again). */
    static boolean readySaysFalse(FluxStatus status, long generation, String reason, String message) {
        return Conditions.get(status, ConditionTypes.READY)
                .filter(c -> Conditions.FALSE.equals(c.getStatus()) && reason.equals(c.getReason())
                        && message.equals(c.getMessage()) && c.getObservedGeneration() != null && c.getObservedGeneration() == generation)
                .isPresent();
    }
}
