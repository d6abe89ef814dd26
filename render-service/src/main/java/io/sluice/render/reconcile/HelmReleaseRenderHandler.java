package io.sluice.render.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.Digest;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.helm.HelmReleaseNames;
import io.sluice.api.helm.HelmRendering;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.kit.metrics.StageTimer;
import io.sluice.render.artifact.UnpackedArtifact;
import io.sluice.render.build.RenderException;
import io.sluice.render.config.RenderConfig;
import io.sluice.render.helm.HelmReleaseRenderer;
import io.sluice.render.helm.HelmRenderException;
import io.sluice.render.substitute.ClusterVariableSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Renders one HelmRelease and publishes the outcome on {@code render.manifests}, the topic Kustomizations go to;
 * {@link RenderTriggers} decides when. The steps:
 * <ol>
 *   <li>read the HelmRelease; gone or {@code spec.suspend: true} → nothing (and no next run);</li>
 *   <li>the chart artifact: the {@code ArtifactReady} of its chart source that started this render, or else the
 *       source's {@code status.artifact} ({@link ChartArtifacts}); none → Ready=False with Flux's reason
 *       ({@code SourceNotReady}, {@code ArtifactFailed}, {@code InvalidChartReference}), try again later;</li>
 *   <li>download and unpack it, render it with Helm's engine ({@link HelmReleaseRenderer}), timed as the
 *       {@code render} stage;</li>
 *   <li>new → {@code ManifestsRendered} whose payload is the {@link HelmRendering} JSON (inline or claim check,
 *       its digest the SHA-256 of that JSON) and the status's {@code lastAttempted*} fields; the same chart revision
 *       and digest as last published → nothing; failed → Ready=False ({@code ArtifactFailed}, {@code ValuesError},
 *       {@code InstallFailed}/{@code UpgradeFailed} with Helm's message, as helm-controller words it) and an error
 *       event when the failure is new; nothing on {@code render.manifests}, so the last release stays;</li>
 *   <li>answer when to render it again: {@code spec.interval}, or the lookup's wait for a chart not ready.</li>
 * </ol>
 * Blocking: call it from a worker thread, one call at a time per HelmRelease.
 */
@ApplicationScoped
public class HelmReleaseRenderHandler {

    private static final Logger LOG = Logger.getLogger(HelmReleaseRenderHandler.class);

    private final KubernetesClient client;
    private final EventSink publisher;
    private final RenderConfig settings;
    private final StageTimer stageTimer;
    private final RenderTools tools;
    private final HelmReleaseRenderer renderer;
    private final ChartArtifacts charts;
    private final HelmReleaseStatusWriter statusWriter;
    private final PublishedRenderings published = new PublishedRenderings();

    @Inject
    HelmReleaseRenderHandler(KubernetesClient client, EventPublisher publisher, RenderConfig settings, StageTimer stageTimer) {
        this(client, publisher::publish, settings, stageTimer, new ClusterChartArtifacts(client));
    }

    HelmReleaseRenderHandler(KubernetesClient client, EventSink publisher, RenderConfig settings, StageTimer stageTimer,
                             ChartArtifacts charts) {
        this.client = client;
        this.publisher = publisher;
        this.settings = settings;
        this.stageTimer = stageTimer;
        this.tools = RenderTools.from(settings);
        this.renderer = new HelmReleaseRenderer(tools.limits());
        this.charts = charts;
        this.statusWriter = new HelmReleaseStatusWriter(client);
    }

    /** The HelmReleases whose chart comes from this source object (suspended ones too: {@link #render} skips them). */
    public List<ObjectKey> usersOf(ObjectKey source) {
        if (!ChartArtifacts.HELM_CHART.equals(source.kind()) && !ChartArtifacts.OCI_REPOSITORY.equals(source.kind())) {
            return List.of();
        }
        return client.resources(HelmRelease.class).inAnyNamespace().list().getItems().stream()
                .filter(hr -> ChartArtifacts.refersTo(hr, source))
                .map(HelmReleaseRenderHandler::keyOf)
                .toList();
    }

    public static ObjectKey keyOf(HelmRelease release) {
        return ObjectKey.of(HelmRelease.KIND, release.getMetadata().getNamespace(), release.getMetadata().getName());
    }

    /**
     * Renders the HelmRelease now and publishes the outcome.
     *
     * @param trigger the {@code ArtifactReady} that started this render, or null (then its chart source's
     *                {@code status.artifact}); one of a source it does not use is ignored the same way
     * @return when to render it again, or null when only a change to it should (it is gone or suspended)
     */
    public Duration render(ObjectKey key, ArtifactReady trigger) {
        HelmRelease release = client.resources(HelmRelease.class).inNamespace(key.namespace()).withName(key.name()).get();
        if (release == null) {
            published.forget(key);
            LOG.debugf("%s: does not exist (any more), nothing to render", key);
            return null;
        }
        if (release.getSpec() != null && Boolean.TRUE.equals(release.getSpec().getSuspend())) {
            LOG.debugf("%s: suspended, not rendered", key);
            return null;
        }
        Duration interval = RenderIntervals.interval(release, settings.defaultInterval());
        ArtifactReady artifact = trigger;
        if (artifact == null || !ChartArtifacts.refersTo(release, artifact.source())) {
            ChartArtifacts.Lookup lookup = charts.find(release, settings.requeueDependency());
            if (lookup instanceof ChartArtifacts.Unavailable unavailable) {
                LOG.infof("%s: %s", key, unavailable.message());
                published.forget(key);
                fail(key, null, unavailable.reason(), unavailable.message(), false);
                return unavailable.retryAfter();
            }
            artifact = ((ChartArtifacts.Found) lookup).artifact();
        }
        ArtifactReady chart = artifact;
        // as helm-controller, the next attempt after a failure comes at the interval too (a fix to the HelmRelease,
        // its values or its chart triggers one sooner)
        stageTimer.time("render", () -> {
            renderAndPublish(key, release, chart);
            return null;
        });
        return interval;
    }

    /** The HelmRelease was deleted: its next rendering, if it comes back, is published whatever it is. */
    public void forget(ObjectKey key) {
        published.forget(key);
    }

    /** Publishes a new rendering; a failure goes into the status and an event instead. */
    private void renderAndPublish(ObjectKey key, HelmRelease release, ArtifactReady artifact) {
        String what = ArtifactRenderer.describe(artifact);
        HelmRendering rendering;
        try (UnpackedArtifact unpacked = tools.fetcher().fetch(artifact.url(), artifact.digest(), what)) {
            rendering = renderer.render(release, unpacked.root(), what, new ClusterVariableSource(client));
        } catch (RenderException e) {
            failed(key, artifact.revision(), Reasons.ARTIFACT_FAILED, e.getMessage(), false);
            return;
        } catch (HelmRenderException e) {
            failed(key, artifact.revision(), e, release);
            return;
        }
        String json = rendering.toJson();
        Digest digest = Digest.sha256(json.getBytes(StandardCharsets.UTF_8));
        if (published.alreadyPublished(key, artifact.revision(), digest)) {
            LOG.debugf("%s: unchanged at %s (%s), nothing published", key, artifact.revision(), digest);
            return;
        }
        ManifestsRendered event = new ManifestsRendered(key, artifact.revision(), digest, tools.packer().pack(json), artifact.pushReceivedAt());
        publisher.publish(event).toCompletableFuture().join();
        published.published(key, artifact.revision(), digest);
        String helmChart = ChartArtifacts.HELM_CHART.equals(artifact.source().kind())
                ? artifact.source().namespace() + "/" + artifact.source().name() : null;
        statusWriter.markRendered(key, rendering, helmChart, Instant.now());
        LOG.infof("%s: rendered %s as release %s/%s (%s)", key, rendering.chart(), rendering.releaseNamespace(), rendering.releaseName(), digest);
    }

    /** helm-controller's reason and words for a failure of the render itself. */
    private void failed(ObjectKey key, String revision, HelmRenderException e, HelmRelease release) {
        switch (e.kind()) {
            case ARTIFACT -> failed(key, revision, Reasons.ARTIFACT_FAILED, "Could not load chart: " + e.getMessage(), false);
            case VALUES -> failed(key, revision, Reasons.VALUES_ERROR, e.getMessage(), false);
            case CHART -> {
                boolean installed = release.getStatus() != null && release.getStatus().getHistory() != null
                        && !release.getStatus().getHistory().isEmpty();
                String action = installed ? "upgrade" : "install";
                String message = "Helm " + action + " failed for release " + HelmReleaseNames.releaseNamespace(release) + "/"
                        + HelmReleaseNames.releaseName(release) + " with chart " + (e.chart() == null ? revision : e.chart()) + ": "
                        + e.getMessage();
                failed(key, revision, installed ? Reasons.UPGRADE_FAILED : Reasons.INSTALL_FAILED, message, true);
            }
        }
    }

    private void failed(ObjectKey key, String revision, String reason, String message, boolean released) {
        LOG.warnf("%s: %s: %s", key, reason, message);
        published.forget(key);
        fail(key, revision, reason, message, released);
    }

    /** Ready=False in the status; an error event only when the status did not already say so (no event per retry). */
    private void fail(ObjectKey key, String revision, String reason, String message, boolean released) {
        Instant now = Instant.now();
        if (statusWriter.markFailed(key, revision, reason, message, released, now) == StatusEdits.Result.CHANGED) {
            publisher.publish(new ObjectEvent(key, Severity.ERROR, reason, message, revision, Map.of(), now,
                    KustomizationRenderHandler.CONTROLLER)).toCompletableFuture().join();
        }
    }
}
