package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.source.HelmChart;
import io.sluice.api.source.HelmChartStatus;

import java.time.Instant;

/**
 * Writes a HelmChart's status as source-controller does, through {@link SourceStatusWriter}:
 * <ul>
 *   <li>{@link #succeeded}: {@code artifact}, {@code url}, {@code observedChartName},
 *       {@code observedSourceArtifactRevision}, Ready True with {@code ChartPullSucceeded} "pulled '…' chart with
 *       version '…'", ArtifactInStorage True "stored artifact: revision '…'", failure conditions removed;</li>
 *   <li>{@link #failed}, {@link #stalled}: as for every source (the last good chart is kept).</li>
 * </ul>
 */
final class HelmChartStatusWriter {

    private final SourceStatusWriter<HelmChart, HelmChartStatus> writer;

    HelmChartStatusWriter(KubernetesClient client) {
        this.writer = new SourceStatusWriter<>(client, HelmChart.class, HelmChartStatus::new);
    }

    boolean succeeded(HelmChartSettings settings, Artifact artifact, String chartName, String sourceRevision, String handledAt, Instant now) {
        String pulled = "pulled '" + chartName + "' chart with version '" + artifact.getRevision() + "'";
        String stored = "stored artifact: revision '" + artifact.getRevision() + "'";
        return writer.update(settings.key(), handledAt, status -> {
            long generation = settings.generation();
            status.setArtifact(artifact);
            status.setUrl(artifact.getUrl());
            status.setObservedChartName(chartName);
            status.setObservedSourceArtifactRevision(sourceRevision);
            SourceStatusWriter.CLEARED_BY_SUCCESS.forEach(type -> Conditions.delete(status, type));
            Conditions.markTrue(status, generation, ConditionTypes.ARTIFACT_IN_STORAGE, Reasons.SUCCEEDED, stored, now);
            Conditions.markTrue(status, generation, ConditionTypes.READY, Reasons.CHART_PULL_SUCCEEDED, pulled, now);
            status.setObservedGeneration(generation);
        });
    }

    boolean failed(ObjectKey key, long generation, ReconcileFailure failure, String handledAt, Instant now) {
        return writer.failed(key, generation, failure, handledAt, now);
    }

    boolean stalled(ObjectKey key, long generation, String reason, String message, String handledAt, Instant now) {
        return writer.stalled(key, generation, reason, message, handledAt, now);
    }
}
