package io.sluice.render.reconcile;

import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.ObjectKey;
import io.sluice.kit.reconcile.ReconcileScheduler;
import io.sluice.kit.reconcile.RequestsTaken;
import io.sluice.render.config.RenderConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything that makes a Kustomization render, in one place. Every render runs through one
 * {@link ReconcileScheduler}: at most one render at a time per Kustomization, requests arriving meanwhile
 * collapse into one more run right after, so renders of one Kustomization never overtake each other.
 * <ul>
 *   <li>{@code ArtifactReady} for a source: every Kustomization using it renders that artifact now, carrying its
 *       {@code pushReceivedAt}, on whichever replica consumed the event;</li>
 *   <li>created, spec changed (generation), {@code reconcile.fluxcd.io/requestedAt} changed
 *       ({@link KustomizationWatcher}): rendered now from the source's {@code status.artifact}, by the replica that
 *       owns it ({@link PartitionOwnership});</li>
 *   <li>its interval elapsed (or its retry interval after a failure): the handler's answer plans the next run;
 *       the timer only fires on the owner, so substituteFrom ConfigMaps/Secrets are read again there;</li>
 *   <li>{@code ReconcileRequested} for it: rendered now (the record's partition is the owner's); the same request
 *       carried by the annotation too renders once ({@link RequestsTaken});</li>
 *   <li>partitions newly assigned to this replica: all Kustomizations that fall in them are rendered now.</li>
 * </ul>
 * Rendering the same inputs again publishes nothing ({@link PublishedRenderings}), so interval renders and
 * reconcile requests cost a render, not an apply.
 */
@ApplicationScoped
public class RenderTriggers {

    private static final Logger LOG = Logger.getLogger(RenderTriggers.class);

    private final PartitionOwnership ownership;
    private final KustomizationWatcher watcher;
    private final KustomizationRenderHandler handler;
    /** The ArtifactReady each Kustomization should render next, taken by its next run (the newest one wins). */
    private final Map<ObjectKey, ArtifactReady> pending = new ConcurrentHashMap<>();
    private final ReconcileScheduler scheduler;
    private final RequestsTaken requestsTaken = new RequestsTaken();

    RenderTriggers(RenderConfig config, PartitionOwnership ownership, KustomizationWatcher watcher, KustomizationRenderHandler handler) {
        this.ownership = ownership;
        this.watcher = watcher;
        this.handler = handler;
        this.scheduler = new ReconcileScheduler(config.workers(), this::render, ownership::owns);
    }

    @PreDestroy
    void close() {
        scheduler.close();
    }

    private Duration render(ObjectKey key) {
        ArtifactReady trigger = pending.remove(key);
        try {
            return handler.render(key, trigger);
        } catch (RuntimeException e) {
            // the scheduler retries in a minute; keep the artifact (and its push time) for that run unless a newer came
            if (trigger != null) {
                pending.putIfAbsent(key, trigger);
            }
            throw e;
        }
    }

    /** A source has a new artifact: render every Kustomization that uses it; returns how many there are. */
    public int artifactReady(ArtifactReady artifact) {
        int users = 0;
        for (ObjectKey key : handler.usersOf(artifact.source())) {
            pending.put(key, artifact);
            scheduler.requestNow(key);
            users++;
        }
        LOG.debugf("%s at %s: %d Kustomization(s) use it", artifact.source(), artifact.revision(), users);
        return users;
    }

    /** {@code sluice reconcile ks NAME}: render it now (the record's partition is the owner's); other kinds are other services'. */
    public void reconcileRequested(ReconcileRequested request) {
        if (!Kustomization.KIND.equals(request.object().kind())) {
            return;
        }
        requested(request.object(), request.requestedAt().toString());
    }

    /** Flux's {@code reconcile.fluxcd.io/requestedAt} annotation changed ({@code flux reconcile ks}) to {@code requestedAt}. */
    void annotated(ObjectKey key, String requestedAt) {
        if (ownership.owns(key)) {
            requested(key, requestedAt);
        }
    }

    /**
     * One request renders once, however many triggers carry it: {@code sluice reconcile} publishes the request and sets
     * the annotation to the same time ({@link RequestsTaken}).
     */
    private void requested(ObjectKey key, String requestedAt) {
        if (requestsTaken.take(key, requestedAt)) {
            scheduler.requestNow(key);
        } else {
            LOG.debugf("%s: reconcile request of %s already taken (it came by another trigger too)", key, requestedAt);
        }
    }

    /** Created or spec changed. */
    void changed(ObjectKey key) {
        if (ownership.owns(key)) {
            scheduler.requestNow(key);
        }
    }

    void deleted(ObjectKey key) {
        scheduler.forget(key);
        requestsTaken.forget(key);
        pending.remove(key);
        handler.forget(key);
        LOG.debugf("%s was deleted; no more renders for it", key);
    }

    void onAssigned(@Observes PartitionOwnership.PartitionsAssigned assigned) {
        for (ObjectKey key : watcher.all()) {
            if (ownership.owns(key)) {
                scheduler.requestNow(key);
            }
        }
    }
}
