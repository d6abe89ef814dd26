package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.source.HelmRepository;
import io.sluice.api.source.HelmRepositoryStatus;

import java.time.Instant;

/**
 * Writes a HelmRepository's status as source-controller does, through {@link SourceStatusWriter}:
 * <ul>
 *   <li>{@link #succeeded}: {@code artifact}, {@code url} (where the index artifact is served), Ready and
 *       ArtifactInStorage True with "stored artifact: revision 'sha256:…'", failure conditions and Stalled removed,
 *       {@code observedGeneration};</li>
 *   <li>{@link #failed}, {@link #stalled}: as for every source (the last good artifact is kept);</li>
 *   <li>{@link #cleared}: a {@code type: oci} repository, which Flux keeps as a static object with no status.</li>
 * </ul>
 */
final class HelmRepositoryStatusWriter {

    private final SourceStatusWriter<HelmRepository, HelmRepositoryStatus> writer;

    HelmRepositoryStatusWriter(KubernetesClient client) {
        this.writer = new SourceStatusWriter<>(client, HelmRepository.class, HelmRepositoryStatus::new);
    }

    boolean succeeded(HelmRepositorySettings settings, Artifact artifact, String handledAt, Instant now) {
        String message = "stored artifact: revision '" + artifact.getRevision() + "'";
        return writer.update(settings.key(), handledAt, status -> {
            long generation = settings.generation();
            status.setArtifact(artifact);
            status.setUrl(artifact.getUrl());
            SourceStatusWriter.CLEARED_BY_SUCCESS.forEach(type -> Conditions.delete(status, type));
            Conditions.markTrue(status, generation, ConditionTypes.ARTIFACT_IN_STORAGE, Reasons.SUCCEEDED, message, now);
            Conditions.markTrue(status, generation, ConditionTypes.READY, Reasons.SUCCEEDED, message, now);
            status.setObservedGeneration(generation);
        });
    }

    boolean failed(ObjectKey key, long generation, ReconcileFailure failure, String handledAt, Instant now) {
        return writer.failed(key, generation, failure, handledAt, now);
    }

    boolean stalled(ObjectKey key, long generation, String reason, String message, String handledAt, Instant now) {
        return writer.stalled(key, generation, reason, message, handledAt, now);
    }

    /** No artifact, no URL, no conditions: what Flux leaves on a {@code type: oci} HelmRepository. */
    boolean cleared(ObjectKey key) {
        return writer.update(key, null, status -> {
            status.setArtifact(null);
            status.setUrl(null);
            status.setConditions(null);
            status.setObservedGeneration(null);
        });
    }
}
