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
 * writes over a newer object, and never touches the spec.
 */
public final class KustomizationStatusWriter {

    private static final int ATTEMPTS = 5;

    private final KubernetesClient client;

    public KustomizationStatusWriter(KubernetesClient client) {
        this.client = client;
    }

    /** Returns false when the Kustomization no longer exists. A null revision leaves lastAttemptedRevision alone. */
    public boolean markFailed(ObjectKey key, String revision, String reason, String message, Instant now) {
        for (int attempt = 1; ; attempt++) {
            Kustomization fresh = client.resources(Kustomization.class).inNamespace(key.namespace()).withName(key.name()).get();
            if (fresh == null) {
                return false;
            }
            KustomizationStatus status = fresh.getStatus() == null ? new KustomizationStatus() : fresh.getStatus();
            long generation = fresh.getMetadata().getGeneration() == null ? 0 : fresh.getMetadata().getGeneration();
            if (revision != null) {
                status.setLastAttemptedRevision(revision);
            }
            Conditions.markFalse(status, generation, ConditionTypes.READY, reason, message, now);
            fresh.setStatus(status);
            try {
                client.resources(Kustomization.class).inNamespace(key.namespace()).resource(fresh).updateStatus();
                return true;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
