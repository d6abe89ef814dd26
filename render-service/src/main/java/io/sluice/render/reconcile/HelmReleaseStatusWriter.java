package io.sluice.render.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.helm.HelmReleaseStatus;
import io.sluice.api.helm.HelmRendering;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;

import java.time.Instant;
import java.util.Objects;

/**
 * What render-service writes into a HelmRelease's status; the release itself (history, Released=True, Ready=True,
 * failure counters) is apply-service's. Through {@link StatusEdits}: read fresh, status only, retried on 409.
 * <ul>
 *   <li>a render failure: Ready=False with helm-controller's reason and message (and Released=False too when Helm
 *       failed, as a failed install or upgrade leaves it), {@code lastAttemptedRevision} when the chart is known;
 *       nothing written when the status already says exactly this;</li>
 *   <li>a new rendering published: {@code lastAttemptedRevision}, {@code lastAttemptedValuesChecksum},
 *       {@code lastAttemptedConfigDigest}, {@code lastAttemptedGeneration}, {@code helmChart}, and Ready=Unknown
 *       {@code Progressing} unless Ready is already True (a release of it is on its way).</li>
 * </ul>
 */
public final class HelmReleaseStatusWriter {

    private final KubernetesClient client;

    public HelmReleaseStatusWriter(KubernetesClient client) {
        this.client = client;
    }

    /** A null revision leaves lastAttemptedRevision alone; {@code released} also marks Released=False. */
    StatusEdits.Result markFailed(ObjectKey key, String revision, String reason, String message, boolean released, Instant now) {
        return StatusEdits.edit(client, HelmRelease.class, HelmReleaseStatus::new, key, (status, generation) -> {
            boolean sameRevision = revision == null || revision.equals(status.getLastAttemptedRevision());
            if (sameRevision && StatusEdits.readySaysFalse(status, generation, reason, message)) {
                return false;
            }
            if (revision != null) {
                status.setLastAttemptedRevision(revision);
            }
            Conditions.markFalse(status, generation, ConditionTypes.READY, reason, message, now);
            if (released) {
                Conditions.markFalse(status, generation, ConditionTypes.RELEASED, reason, message, now);
            }
            return true;
        });
    }

    /** A new rendering went out on {@code render.manifests}; {@code helmChart} is {@code namespace/name} or null. */
    StatusEdits.Result markRendered(ObjectKey key, HelmRendering rendering, String helmChart, Instant now) {
        return StatusEdits.edit(client, HelmRelease.class, HelmReleaseStatus::new, key, (status, generation) -> {
            String revision = rendering.chart().version();
            boolean same = revision.equals(status.getLastAttemptedRevision())
                    && rendering.valuesChecksum().equals(status.getLastAttemptedValuesChecksum())
                    && rendering.configDigest().equals(status.getLastAttemptedConfigDigest())
                    && Objects.equals(status.getLastAttemptedGeneration(), generation)
                    && Objects.equals(helmChart, status.getHelmChart())
                    && !Conditions.isFalse(status, ConditionTypes.READY);
            if (same) {
                return false;
            }
            status.setLastAttemptedRevision(revision);
            status.setLastAttemptedValuesChecksum(rendering.valuesChecksum());
            status.setLastAttemptedConfigDigest(rendering.configDigest());
            status.setLastAttemptedGeneration(generation);
            status.setHelmChart(helmChart);
            if (!Conditions.isTrue(status, ConditionTypes.READY)) {
                Conditions.markUnknown(status, generation, ConditionTypes.READY, Reasons.PROGRESSING,
                        "Fresh rendering of " + rendering.chart() + " published; waiting for the release", now);
            }
            return true;
        });
    }
}
