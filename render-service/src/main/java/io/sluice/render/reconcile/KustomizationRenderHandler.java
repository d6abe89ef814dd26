package io.sluice.render.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.kit.metrics.StageTimer;
import io.sluice.render.build.KustomizationRenderer;
import io.sluice.render.config.RenderConfig;
import io.sluice.render.substitute.ClusterVariableSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Renders one Kustomization and publishes the outcome; {@link RenderTriggers} decides when. The steps:
 * <ol>
 *   <li>read the Kustomization; gone or {@code spec.suspend: true} → nothing (and no next run);</li>
 *   <li>the artifact: the {@code ArtifactReady} that started this render, or else the source's
 *       {@code status.artifact} ({@link SourceArtifacts}); none → Ready=False {@code ArtifactFailed}, try again later;</li>
 *   <li>render it ({@link ArtifactRenderer}: download, verify, build, substitute, pack), timed as the
 *       {@code render} stage;</li>
 *   <li>rendered and new → {@code ManifestsRendered} on {@code render.manifests}, remembered once Kafka
 *       acknowledged it; the same revision and digest as last published → nothing; failed → Ready=False with
 *       {@code ArtifactFailed}/{@code BuildFailed} and, when the failure is new or changed, an error
 *       {@code ObjectEvent} on {@code events}; nothing on {@code render.manifests}, so the last applied state stays;</li>
 *   <li>answer when to render it again: {@code spec.interval} after a render, {@code spec.retryInterval} after a
 *       failure.</li>
 * </ol>
 * Blocking (downloads, builds, API calls): call it from a worker thread, one call at a time per Kustomization.
 */
@ApplicationScoped
public class KustomizationRenderHandler {

    private static final Logger LOG = Logger.getLogger(KustomizationRenderHandler.class);
    static final String CONTROLLER = "render-service";

    private final KubernetesClient client;
    private final EventSink publisher;
    private final RenderConfig settings;
    private final StageTimer stageTimer;
    private final PublishedRenderings published = new PublishedRenderings();
    private final ArtifactRenderer renderer;
    private final SourceArtifacts sources;
    private final KustomizationStatusWriter statusWriter;

    @Inject
    KustomizationRenderHandler(KubernetesClient client, EventPublisher publisher, RenderConfig settings, StageTimer stageTimer) {
        this(client, publisher::publish, settings, stageTimer);
    }

    KustomizationRenderHandler(KubernetesClient client, EventSink publisher, RenderConfig settings, StageTimer stageTimer) {
        this.client = client;
        this.publisher = publisher;
        this.settings = settings;
        this.stageTimer = stageTimer;
        RenderTools tools = RenderTools.from(settings);
        this.renderer = new ArtifactRenderer(tools.fetcher(), new KustomizationRenderer(settings.strictSubstitution()), tools.packer(),
                published);
        this.sources = new SourceArtifacts(client);
        this.statusWriter = new KustomizationStatusWriter(client);
    }

    /** The Kustomizations whose {@code spec.sourceRef} names this source (suspended ones too: {@link #render} skips them). */
    public List<ObjectKey> usersOf(ObjectKey source) {
        return client.resources(Kustomization.class).inAnyNamespace().list().getItems().stream()
                .filter(ks -> SourceMatch.refersTo(ks, source))
                .map(SourceMatch::keyOf)
                .toList();
    }

    /**
     * Renders the Kustomization now and publishes the outcome.
     *
     * @param trigger the {@code ArtifactReady} that started this render (its artifact is rendered and its
     *                {@code pushReceivedAt} carried on), or null: then the source's {@code status.artifact} is
     *                rendered; a trigger for a source the Kustomization no longer uses is ignored the same way
     * @return when to render it again, or null when only a change to it should (it is gone or suspended)
     */
    public Duration render(ObjectKey key, ArtifactReady trigger) {
        Kustomization ks = client.resources(Kustomization.class).inNamespace(key.namespace()).withName(key.name()).get();
        if (ks == null) {
            published.forget(key);
            LOG.debugf("%s: does not exist (any more), nothing to render", key);
            return null;
        }
        if (ks.getSpec() != null && Boolean.TRUE.equals(ks.getSpec().getSuspend())) {
            // Resuming edits spec.suspend, which changes the generation: the watcher renders it again then.
            LOG.debugf("%s: suspended, not rendered", key);
            return null;
        }
        Duration interval = RenderIntervals.interval(ks, settings.defaultInterval());
        Duration retryInterval = RenderIntervals.retryInterval(ks, settings.defaultInterval());

        ArtifactReady artifact = trigger;
        if (artifact == null || !SourceMatch.refersTo(ks, artifact.source())) {
            SourceArtifacts.Lookup lookup = sources.find(ks, retryInterval, settings.requeueDependency());
            if (lookup instanceof SourceArtifacts.Unavailable unavailable) {
                LOG.infof("%s: %s", key, unavailable.message());
                published.forget(key);
                fail(key, null, Reasons.ARTIFACT_FAILED, unavailable.message());
                return unavailable.retryAfter();
            }
            artifact = ((SourceArtifacts.Found) lookup).artifact();
        }

        ArtifactReady rendering = artifact;
        List<RenderOutcome> outcomes = stageTimer.time("render",
                () -> renderer.onArtifact(rendering, List.of(ks), new ClusterVariableSource(client)));
        boolean failed = false;
        for (RenderOutcome outcome : outcomes) {
            failed |= handle(outcome);
        }
        return failed ? retryInterval : interval;
    }

    /** The Kustomization was deleted: its next rendering, if it comes back, is published whatever it is. */
    public void forget(ObjectKey key) {
        published.forget(key);
    }

    /** Publishes or records one outcome; returns whether it was a failure. */
    private boolean handle(RenderOutcome outcome) {
        // Java 17: no pattern switch; the interface is sealed, so these four are all the cases
        if (outcome instanceof RenderOutcome.Rendered r) {
            publisher.publish(r.event()).toCompletableFuture().join();
            published.published(r.app(), r.event().sourceRevision(), r.event().digest());
            LOG.infof("%s: rendered %d objects at %s (%s)", r.app(), r.objects(), r.event().sourceRevision(), r.event().digest());
            return false;
        } else if (outcome instanceof RenderOutcome.Unchanged u) {
            LOG.debugf("%s: unchanged at %s (%s), nothing published", u.app(), u.revision(), u.digest());
            return false;
        } else if (outcome instanceof RenderOutcome.Suspended s) {
            LOG.debugf("%s: suspended, not rendered", s.app());
            return false;
        } else if (outcome instanceof RenderOutcome.Failed f) {
            LOG.warnf("%s: %s: %s", f.app(), f.error().conditionReason(), f.error().getMessage());
            fail(f.app(), f.revision(), f.error().conditionReason(), f.error().getMessage());
            return true;
        }
        throw new IllegalStateException("unknown render outcome " + outcome);
    }

    /** Ready=False in the status; an error event only when the status did not already say so (no event per retry). */
    private void fail(ObjectKey key, String revision, String reason, String message) {
        Instant now = Instant.now();
        if (statusWriter.markFailed(key, revision, reason, message, now) == StatusEdits.Result.CHANGED) {
            publisher.publish(new ObjectEvent(key, Severity.ERROR, reason, message, revision, Map.of(), now, CONTROLLER))
                    .toCompletableFuture().join();
        }
    }
}
