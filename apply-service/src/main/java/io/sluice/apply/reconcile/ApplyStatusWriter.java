package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
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
 * Writes a Kustomization's status as kustomize-controller does, through the status subresource. Each method
 * reads the object fresh, changes the status, and writes it only when something changed (a drift check that
 * found nothing writes nothing); a 409 Conflict is retried on a fresh read. The spec is never touched.
 *
 * <ul>
 *   <li>{@link #progressing}: Ready=Unknown and Reconciling=True, reason Progressing, while a run applies a new
 *       revision or spec (Healthy=Unknown too when health is checked);</li>
 *   <li>{@link #applied}: Ready=True ReconciliationSucceeded "Applied revision: REV", Healthy=True (when checked),
 *       Reconciling and Stalled removed; lastAppliedRevision, lastAttemptedRevision, observedGeneration,
 *       inventory;</li>
 *   <li>{@link #failed}: Ready=False with the reason and message, Healthy=False on a failed health check,
 *       Reconciling (if present) gets reason ProgressingWithRetry; lastAttemptedRevision (and the inventory when
 *       objects were written); lastAppliedRevision and observedGeneration are kept, as Flux keeps them;</li>
 *   <li>{@link #stalled}: Ready=False and Stalled=True with the reason, observedGeneration (this spec cannot be
 *       reconciled; only a new spec helps);</li>
 *   <li>{@link #handled}: nothing but {@code lastHandledReconcileAt} (a run that leaves the conditions as they are).</li>
 * </ul>
 * Every method also writes {@code lastHandledReconcileAt} when a reconcile request was handled by the run.
 */
final class ApplyStatusWriter {

    /** Stalled reason for a spec that cannot be reconciled (an invalid duration or policy). */
    static final String INVALID_SPEC = "InvalidSpec";
    private static final int ATTEMPTS = 5;

    private final KubernetesClient client;

    ApplyStatusWriter(KubernetesClient client) {
        this.client = client;
    }

    void progressing(ObjectKey key, String revision, String timeout, boolean checksHealth, String handledAt, Instant now) {
        update(key, handledAt, (ks, status, generation) -> {
            Conditions.markUnknown(status, generation, ConditionTypes.READY, Reasons.PROGRESSING, "Reconciliation in progress", now);
            Conditions.markTrue(status, generation, ConditionTypes.RECONCILING, Reasons.PROGRESSING,
                    "Applying manifests for revision " + revision + " with a timeout of " + timeout, now);
            if (checksHealth) {
                Conditions.markUnknown(status, generation, ConditionTypes.HEALTHY, Reasons.PROGRESSING,
                        "Running health checks for revision " + revision + " with a timeout of " + timeout, now);
            }
        });
    }

    /**
     * @param healthMessage Healthy=True message when health was checked, null when it was not (Healthy removed).
     *                      A Healthy=True condition already there is kept as it is, so a drift check does not
     *                      rewrite it with a new duration.
     */
    boolean applied(ObjectKey key, String revision, ResourceInventory inventory, String healthMessage, String handledAt, Instant now) {
        return update(key, handledAt, (ks, status, generation) -> {
            status.setLastAppliedRevision(revision);
            status.setLastAttemptedRevision(revision);
            status.setObservedGeneration(generation);
            status.setInventory(inventory);
            Conditions.markTrue(status, generation, ConditionTypes.READY, Reasons.RECONCILIATION_SUCCEEDED,
                    "Applied revision: " + revision, now);
            if (healthMessage == null) {
                Conditions.delete(status, ConditionTypes.HEALTHY);
            } else if (!Conditions.isTrue(status, ConditionTypes.HEALTHY)) {
                Conditions.markTrue(status, generation, ConditionTypes.HEALTHY, Reasons.SUCCEEDED, healthMessage, now);
            }
            Conditions.delete(status, ConditionTypes.RECONCILING);
            Conditions.delete(status, ConditionTypes.STALLED);
        });
    }

    /** A null inventory keeps the one in the status (nothing new was written); a null revision keeps lastAttemptedRevision. */
    boolean failed(ObjectKey key, String revision, ResourceInventory inventory, String reason, String message, String handledAt, Instant now) {
        return update(key, handledAt, (ks, status, generation) -> {
            if (revision != null) {
                status.setLastAttemptedRevision(revision);
            }
            if (inventory != null) {
                status.setInventory(inventory);
            }
            Conditions.markFalse(status, generation, ConditionTypes.READY, reason, message, now);
            if (Reasons.HEALTH_CHECK_FAILED.equals(reason)) {
                Conditions.markFalse(status, generation, ConditionTypes.HEALTHY, reason, message, now);
            }
            Conditions.get(status, ConditionTypes.RECONCILING).ifPresent(reconciling ->
                    Conditions.markTrue(status, generation, ConditionTypes.RECONCILING, Reasons.PROGRESSING_WITH_RETRY,
                            reconciling.getMessage(), now));
            Conditions.delete(status, ConditionTypes.STALLED);
        });
    }

    /** Only {@code lastHandledReconcileAt} (nothing when {@code handledAt} is null): a run that changes no condition. */
    boolean handled(ObjectKey key, String handledAt) {
        return handledAt != null && update(key, handledAt, (ks, status, generation) -> {
        });
    }

    boolean stalled(ObjectKey key, String reason, String message, Instant now) {
        return update(key, null, (ks, status, generation) -> {
            status.setObservedGeneration(generation);
            Conditions.markFalse(status, generation, ConditionTypes.READY, reason, message, now);
            Conditions.markTrue(status, generation, ConditionTypes.STALLED, reason, message, now);
            Conditions.delete(status, ConditionTypes.RECONCILING);
        });
    }

    private interface Change {
        void apply(Kustomization ks, KustomizationStatus status, long generation);
    }

    /** Returns true when the status was written; false when nothing changed or the Kustomization no longer exists. */
    private boolean update(ObjectKey key, String handledAt, Change change) {
        for (int attempt = 1; ; attempt++) {
            Kustomization fresh = client.resources(Kustomization.class).inNamespace(key.namespace()).withName(key.name()).get();
            if (fresh == null) {
                return false;
            }
            KustomizationStatus status = fresh.getStatus() == null ? new KustomizationStatus() : fresh.getStatus();
            String before = Serialization.asJson(status);
            change.apply(fresh, status, generation(fresh));
            if (handledAt != null) {
                status.setLastHandledReconcileAt(handledAt);
            }
            if (before.equals(Serialization.asJson(status))) {
                return false; // nothing changed: no write, no watch event
            }
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

    static long generation(Kustomization ks) {
        return ks.getMetadata().getGeneration() == null ? 0 : ks.getMetadata().getGeneration();
    }
}
