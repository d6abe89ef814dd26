package io.sluice.render.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.render.artifact.ArtifactFetcher;
import io.sluice.render.artifact.ArtifactLimits;
import io.sluice.render.build.KustomizationRenderer;
import io.sluice.render.store.FileManifestStore;
import io.sluice.render.store.ManifestPacker;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ArtifactReady → render every Kustomization using that source → publish; ReconcileRequested for a
 * Kustomization → render it from the latest artifact of its source. For each outcome:
 * <ul>
 *   <li>rendered: publish ManifestsRendered on {@code render.manifests} and remember it once Kafka acknowledged;</li>
 *   <li>unchanged (same revision, same digest as last published): nothing;</li>
 *   <li>failed: Ready=False with ArtifactFailed/BuildFailed in the Kustomization's status, and an error
 *       ObjectEvent on {@code events}; nothing on {@code render.manifests}, so the last applied state stays.</li>
 * </ul>
 * Blocking (downloads, builds, API calls): call it from a worker thread.
 */
@ApplicationScoped
public class KustomizationRenderHandler {

    private static final Logger LOG = Logger.getLogger(KustomizationRenderHandler.class);
    static final String CONTROLLER = "render-service";

    /** Where events go: the kit's EventPublisher in the service, a list in tests. */
    interface EventSink {
        CompletionStage<Void> publish(SluiceEvent event);
    }

    private final KubernetesClient client;
    private final EventSink publisher;
    private final PublishedRenderings published = new PublishedRenderings();
    /** The latest artifact of each source, for reconcile requests. */
    private final Map<ObjectKey, ArtifactReady> latest = new ConcurrentHashMap<>();
    private final ArtifactRenderer renderer;
    private final KustomizationStatusWriter statusWriter;

    @Inject
    KustomizationRenderHandler(KubernetesClient client, EventPublisher publisher, RenderSettings settings) {
        this(client, publisher::publish, settings);
    }

    KustomizationRenderHandler(KubernetesClient client, EventSink publisher, RenderSettings settings) {
        this.client = client;
        this.publisher = publisher;
        ArtifactLimits limits = new ArtifactLimits(settings.artifactMaxDownloadBytes(), settings.artifactMaxUnpackedBytes(),
                settings.artifactMaxEntries(), settings.artifactTimeout());
        this.renderer = new ArtifactRenderer(new ArtifactFetcher(limits), new KustomizationRenderer(settings.strictSubstitution()),
                new ManifestPacker(new FileManifestStore(Path.of(settings.storeDir()), URI.create(settings.storeUrl())),
                        settings.inlineLimitBytes()),
                published);
        this.statusWriter = new KustomizationStatusWriter(client);
    }

    public void onArtifact(ArtifactReady artifact) {
        latest.put(artifact.source(), artifact);
        List<Kustomization> all = client.resources(Kustomization.class).inAnyNamespace().list().getItems();
        for (RenderOutcome outcome : renderer.onArtifact(artifact, all, new ClusterVariableSource(client))) {
            handle(outcome);
        }
    }

    /**
     * {@code flux reconcile ks NAME}: render that Kustomization now from the latest artifact of its source (the
     * source topic is compacted, so after a restart the latest artifact of every source is read again first).
     * Other kinds are not this handler's.
     */
    public void onReconcileRequest(ReconcileRequested request) {
        ObjectKey key = request.object();
        if (!Kustomization.KIND.equals(key.kind())) {
            return;
        }
        Kustomization ks = client.resources(Kustomization.class).inNamespace(key.namespace()).withName(key.name()).get();
        if (ks == null) {
            LOG.debugf("%s: reconcile requested but it does not exist", key);
            return;
        }
        ArtifactReady artifact = latest.values().stream().filter(a -> SourceMatch.refersTo(ks, a.source())).findFirst().orElse(null);
        if (artifact == null) {
            String message = "Source artifact not found: no artifact announced yet for the source of " + key
                    + "; it is rendered as soon as source-service publishes one";
            LOG.info(message);
            statusWriter.markFailed(key, null, Reasons.ARTIFACT_FAILED, message, Instant.now());
            return;
        }
        for (RenderOutcome outcome : renderer.onArtifact(artifact, List.of(ks), new ClusterVariableSource(client))) {
            handle(outcome);
        }
    }

    private void handle(RenderOutcome outcome) {
        // Java 17: no pattern switch; the interface is sealed, so these four are all the cases
        if (outcome instanceof RenderOutcome.Rendered r) {
            publisher.publish(r.event()).toCompletableFuture().join();
            published.published(r.app(), r.event().sourceRevision(), r.event().digest());
            LOG.infof("%s: rendered %d objects at %s (%s)", r.app(), r.objects(), r.event().sourceRevision(), r.event().digest());
        } else if (outcome instanceof RenderOutcome.Unchanged u) {
            LOG.debugf("%s: unchanged at %s (%s), nothing published", u.app(), u.revision(), u.digest());
        } else if (outcome instanceof RenderOutcome.Suspended s) {
            LOG.debugf("%s: suspended, not rendered", s.app());
        } else if (outcome instanceof RenderOutcome.Failed f) {
            LOG.warnf("%s: %s: %s", f.app(), f.error().conditionReason(), f.error().getMessage());
            Instant now = Instant.now();
            statusWriter.markFailed(f.app(), f.revision(), f.error().conditionReason(), f.error().getMessage(), now);
            publisher.publish(f.toEvent(now, CONTROLLER)).toCompletableFuture().join();
        }
    }
}
