package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositoryStatus;
import io.sluice.kit.cluster.StatusUpdates;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a GitRepository's status as source-controller does, through the status subresource ({@link StatusUpdates}:
 * each method reads the object fresh, changes its status, and writes it only when something changed, so a poll that
 * found nothing new writes nothing; a 409 Conflict is retried on a fresh read; the spec is never touched).
 *
 * <ul>
 *   <li>{@link #succeeded}: {@code artifact}, Ready and ArtifactInStorage True with "stored artifact for revision
 *       '…'", the failure conditions and Stalled removed, {@code observedGeneration}, {@code observedIgnore},
 *       {@code observedInclude};</li>
 *   <li>{@link #failed}: Ready=False and the failing condition (FetchFailed, IncludeUnavailable,
 *       StorageOperationFailed) True with the failure's reason and message; {@code artifact} is kept, so the last
 *       good artifact is still what consumers use;</li>
 *   <li>{@link #stalled}: Ready=False and Stalled=True with the reason, {@code observedGeneration} (this spec cannot
 *       be reconciled; only a new one helps).</li>
 * </ul>
 * Each writes {@code lastHandledReconcileAt} too when the run handled a reconcile request ({@code handledAt}, else
 * null). The generation passed is the one the run read the spec at, not the object's current one.
 */
final class GitRepositoryStatusWriter {

    /** What a success clears: every condition that says something is wrong or under way. */
    private static final List<String> CLEARED_BY_SUCCESS = List.of(ConditionTypes.FETCH_FAILED, ConditionTypes.INCLUDE_UNAVAILABLE,
            ConditionTypes.STORAGE_OPERATION_FAILED, ConditionTypes.STALLED, ConditionTypes.RECONCILING, ConditionTypes.ARTIFACT_OUTDATED);

    private final StatusUpdates<GitRepository, GitRepositoryStatus> updates;

    GitRepositoryStatusWriter(KubernetesClient client) {
        this.updates = new StatusUpdates<>(client, GitRepository.class, GitRepositoryStatus::new);
    }

    boolean succeeded(GitRepositorySettings settings, Artifact artifact, String handledAt, Instant now) {
        String message = "stored artifact for revision '" + artifact.getRevision() + "'";
        return update(settings.key(), handledAt, status -> {
            long generation = settings.generation();
            status.setArtifact(artifact);
            CLEARED_BY_SUCCESS.forEach(type -> Conditions.delete(status, type));
            Conditions.markTrue(status, generation, ConditionTypes.ARTIFACT_IN_STORAGE, Reasons.SUCCEEDED, message, now);
            Conditions.markTrue(status, generation, ConditionTypes.READY, Reasons.SUCCEEDED, message, now);
            status.setObservedGeneration(generation);
            status.setObservedIgnore(settings.ignore());
            status.setObservedInclude(settings.include().isEmpty() ? null : settings.include());
        });
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
    private boolean update(ObjectKey key, String handledAt, Consumer<GitRepositoryStatus> change) {
        return updates.update(key, (fresh, status) -> {
            change.accept(status);
            if (handledAt != null) {
                status.setLastHandledReconcileAt(handledAt);
            }
        });
    }
}
