package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationStatus;
import io.sluice.api.kustomize.ResourceInventory;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Writes the outcome of an apply into a Kustomization's status through the status subresource, as
 * kustomize-controller does. Success: Ready=True ReconciliationSucceeded "Applied revision: REV",
 * lastAppliedRevision, lastAttemptedRevision, observedGeneration, inventory. Failure: Ready=False with the
 * reason and message, lastAttemptedRevision (and the new inventory when objects were written, as after a failed
 * health check); lastAppliedRevision is kept. Reads the object fresh
 * and retries on 409 Conflict, so it never writes over a newer object, and never touches the spec.
 */
final class ApplyStatusWriter {

    private static final int ATTEMPTS = 5;

    private final KubernetesClient client;

    ApplyStatusWriter(KubernetesClient client) {
        this.client = client;
    }

    boolean markApplied(ObjectKey key, String revision, ResourceInventory inventory, Instant now) {
        return update(key, (ks) -> {
            KustomizationStatus status = ks.getStatus();
            long generation = generation(ks);
            status.setLastAppliedRevision(revision);
            status.setLastAttemptedRevision(revision);
            status.setObservedGeneration(generation);
            status.setInventory(inventory);
            Conditions.markTrue(status, generation, ConditionTypes.READY, Reasons.RECONCILIATION_SUCCEEDED,
                    "Applied revision: " + revision, now);
        });
    }

    /** A null inventory keeps the one in the status (nothing new was written). */
    boolean markFailed(ObjectKey key, String revision, ResourceInventory inventory, String reason, String message, Instant now) {
        return update(key, (ks) -> {
            KustomizationStatus status = ks.getStatus();
            long generation = generation(ks);
            status.setLastAttemptedRevision(revision);
            if (inventory != null) {
                status.setInventory(inventory);
            }
            status.setObservedGeneration(generation);
            Conditions.markFalse(status, generation, ConditionTypes.READY, reason, message, now);
        });
    }

    /** Returns false when the Kustomization no longer exists. */
    private boolean update(ObjectKey key, Consumer<Kustomization> change) {
        for (int attempt = 1; ; attempt++) {
            Kustomization fresh = client.resources(Kustomization.class).inNamespace(key.namespace()).withName(key.name()).get();
            if (fresh == null) {
                return false;
            }
            if (fresh.getStatus() == null) {
                fresh.setStatus(new KustomizationStatus());
            }
            change.accept(fresh);
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

    private static long generation(Kustomization ks) {
        return ks.getMetadata().getGeneration() == null ? 0 : ks.getMetadata().getGeneration();
    }
}
