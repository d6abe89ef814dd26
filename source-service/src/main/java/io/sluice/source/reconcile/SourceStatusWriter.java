package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.FluxStatus;
import io.sluice.api.meta.ObjectKey;
import io.sluice.kit.cluster.StatusUpdates;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every source kind's status writer shares, through the status subresource ({@link StatusUpdates}: each method
 * reads the object fresh, changes its status, and writes it only when something changed; a 409 is retried):
 * <ul>
 *   <li>{@link #failed}: Ready=False and the failing condition (FetchFailed, BuildFailed, StorageOperationFailed, ...)
 *       True with the failure's reason and message; the artifact is kept, so the last good one is still served;</li>
 *   <li>{@link #stalled}: Ready=False and Stalled=True with the reason, {@code observedGeneration} (this spec cannot
 *       be reconciled; only a new one helps);</li>
 *   <li>{@link #update}: any other change, e.g. a success, which each kind writes with its own fields.</li>
 * </ul>
 * Each writes {@code lastHandledReconcileAt} too when the run handled a reconcile request ({@code handledAt}, else
 * null). The generation passed is the one the run read the spec at, not the object's current one.
 *
 * @param <R> the source kind
 * @param <S> its status
 */
final class SourceStatusWriter<R extends CustomResource<?, S>, S extends FluxStatus> {

    /** What a success clears: every condition that says something is wrong or under way. */
    static final List<String> CLEARED_BY_SUCCESS = List.of(ConditionTypes.FETCH_FAILED, ConditionTypes.INCLUDE_UNAVAILABLE,
            ConditionTypes.BUILD_FAILED, ConditionTypes.STORAGE_OPERATION_FAILED, ConditionTypes.STALLED, ConditionTypes.RECONCILING,
            ConditionTypes.ARTIFACT_OUTDATED);

    private final StatusUpdates<R, S> updates;

    SourceStatusWriter(KubernetesClient client, Class<R> type, Supplier<S> emptyStatus) {
        this.updates = new StatusUpdates<>(client, type, emptyStatus);
    }

    boolean failed(ObjectKey key, long generation, ReconcileFailure failure, String handledAt, Instant now) {
        return update(key, handledAt, status -> {
            Conditions.delete(status, ConditionTypes.STALLED);
            Conditions.markTrue(status, generation, failure.condition(), failure.reason(), failure.getMessage(), now);
            Conditions.markFalse(status, generation, ConditionTypes.READY, failure.reason(), failure.getMessage(), now);
        });
    }

    boolean stalled(ObjectKey key, long generation, String reason, String message, String handledAt, Instant now) {
        return update(key, handledAt, status -> {
            Conditions.markTrue(status, generation, ConditionTypes.STALLED, reason, message, now);
            Conditions.markFalse(status, generation, ConditionTypes.READY, reason, message, now);
            status.setObservedGeneration(generation);
        });
    }

    /** Applies {@code change} to a fresh read of the status, with {@code lastHandledReconcileAt} when given. */
    boolean update(ObjectKey key, String handledAt, Consumer<S> change) {
        return updates.update(key, (fresh, status) -> {
            change.accept(status);
            if (handledAt != null) {
                status.setLastHandledReconcileAt(handledAt);
            }
        });
    }
}
