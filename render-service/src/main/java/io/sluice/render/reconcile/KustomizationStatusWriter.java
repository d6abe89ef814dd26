package io.sluice.render.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
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

    private static final int ATTEMPTS = 5;

    /** What {@link #markFailed} did. */
    public enum Result {
        /** The status now says this failure; it said something else before. */
        CHANGED,
        /** The status already said exactly this; nothing was written. */
        UNCHANGED,
        /** The Kustomization no longer exists. */
        GONE
    }

    private final KubernetesClient client;

    public KustomizationStatusWriter(KubernetesClient client) {
        this.client = client;
    }

    /** A null revision leaves lastAttemptedRevision alone. */
    public Result markFailed(ObjectKey key, String revision, String reason, String message, Instant now) {
        for (int attempt = 1; ; attempt++) {
            Kustomization fresh = client.resources(Kustomization.class).inNamespace(key.namespace()).withName(key.name()).get();
            if (fresh == null) {
                return Result.GONE;
            }
            KustomizationStatus status = fresh.getStatus() == null ? new KustomizationStatus() : fresh.getStatus();
            long generation = fresh.getMetadata().getGeneration() == null ? 0 : fresh.getMetadata().getGeneration();
            if (alreadySays(status, generation, revision, reason, message)) {
                return Result.UNCHANGED;
            }
            if (revision != null) {
                status.setLastAttemptedRevision(revision);
            }
            Conditions.markFalse(status, generation, ConditionTypes.READY, reason, message, now);
            fresh.setStatus(status);
            try {
                client.resources(Kustomization.class).inNamespace(key.namespace()).resource(fresh).updateStatus();
                return Result.CHANGED;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static boolean alreadySays(KustomizationStatus status, long generation, String revision, String reason, String message) {
        if (revision != null && !revision.equals(status.getLastAttemptedRevision())) {
            return false;
        }
        return Conditions.get(status, ConditionTypes.READY)
                .filter(c -> Conditions.FALSE.equals(c.getStatus()) && reason.equals(c.getReason())
                        && message.equals(c.getMessage()) && c.getObservedGeneration() != null && c.getObservedGeneration() == generation)
                .isPresent();
    }
}
