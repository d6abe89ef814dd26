package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositoryStatus;

import java.time.Instant;

/**
 * Writes a GitRepository's status as source-controller does, through {@link SourceStatusWriter} (a fresh read, a
 * write only when something changed, so a poll that found nothing new writes nothing).
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

    private final SourceStatusWriter<GitRepository, GitRepositoryStatus> writer;

    GitRepositoryStatusWriter(KubernetesClient client) {
        this.writer = new SourceStatusWriter<>(client, GitRepository.class, GitRepositoryStatus::new);
    }

    boolean succeeded(GitRepositorySettings settings, Artifact artifact, String handledAt, Instant now) {
        String message = "stored artifact for revision '" + artifact.getRevision() + "'";
        return writer.update(settings.key(), handledAt, status -> {
            long generation = settings.generation();
            status.setArtifact(artifact);
            SourceStatusWriter.CLEARED_BY_SUCCESS.forEach(type -> Conditions.delete(status, type));
            Conditions.markTrue(status, generation, ConditionTypes.ARTIFACT_IN_STORAGE, Reasons.SUCCEEDED, message, now);
            Conditions.markTrue(status, generation, ConditionTypes.READY, Reasons.SUCCEEDED, message, now);
            status.setObservedGeneration(generation);
            status.setObservedIgnore(settings.ignore());
            status.setObservedInclude(settings.include().isEmpty() ? null : settings.include());
        });
    }

    boolean failed(ObjectKey key, long generation, ReconcileFailure failure, String handledAt, Instant now) {
        return writer.failed(key, generation, failure, handledAt, now);
    }

    boolean stalled(ObjectKey key, long generation, String reason, String message, String handledAt, Instant now) {
        return writer.stalled(key, generation, reason, message, handledAt, now);
    }
}
