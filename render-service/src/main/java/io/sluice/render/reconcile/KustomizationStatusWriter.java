package io.sluice.render.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationStatus;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;

import java.time.Instant;

/**
 * Writes a render failure into a Kustomization's status as kustomize-controller does: Ready=False with the
 * reason ({@code ArtifactFailed}, {@code BuildFailed}) and message, and {@code lastAttemptedRevision}; everything
 * else (lastAppliedRevision, inventory) is kept. Reads the object fresh and retries on 409 Conflict, so it never
 * writes over a newer object, and never touches the spec. When the status already says exactly this (the same
 * failure seen again on a retry or an interval render) it writes nothing and says so, so that the caller
 * publishes an error event only for a new or changed failure.
 */
public final class KustomizationStatusWriter {

    private final KubernetesClient client;

    public KustomizationStatusWriter(KubernetesClient client) {
        this.client = client;
    }

    /** A null revision leaves lastAttemptedRevision alone. */
    StatusEdits.Result markFailed(ObjectKey key, String revision, String reason, String message, Instant now) {
        return StatusEdits.edit(client, Kustomization.class, KustomizationStatus::new, key, (status, generation) -> {
            if (alreadySays(status, generation, revision, reason, message)) {
                return false;
            }
            if (revision != null) {
                status.setLastAttemptedRevision(revision);
            }
            Conditions.markFalse(status, generation, ConditionTypes.READY, reason, message, now);
            return true;
        });
    }

    private static boolean alreadySays(KustomizationStatus status, long generation, String revision, String reason, String message) {
        if (revision != null && !revision.equals(status.getLastAttemptedRevision())) {
            return false;
        }
        return StatusEdits.readySaysFalse(status, generation, reason, message);
    }
}
