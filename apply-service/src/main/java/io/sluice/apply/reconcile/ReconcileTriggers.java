package io.sluice.apply.reconcile;

import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationStatus;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.kit.reconcile.ReconcileScheduler;
import io.sluice.kit.reconcile.RequestsTaken;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that makes a Kustomization reconcile on this replica, in one place. Runs go through the kit's
 * {@link ReconcileScheduler}: one run at a time per Kustomization, {@code sluice.apply.workers} at a time overall;
 * each run's {@link KustomizationApplyHandler.Outcome} plans the next one (interval or retry interval), and a
 * planned run is dropped when another replica owns the Kustomization by then ({@link ApplyPartitions}).
 * <ul>
 *   <li>a ManifestsRendered (new work from the channel): becomes the desired state, reconciled now;</li>
 *   <li>desired states restored after an assignment: their drift checks are planned, after the interval when the
 *       Kustomization is Ready at that revision, else in a second;</li>
 *   <li>a ReconcileRequested for a Kustomization this replica owns, newer than its
 *       {@code status.lastHandledReconcileAt}, or a changed {@code reconcile.fluxcd.io/requestedAt} annotation:
 *       reconciled now, and the request's time goes to {@code lastHandledReconcileAt}; one request carried by both
 *       runs once ({@link RequestsTaken});</li>
 *   <li>created or spec changed ({@link KustomizationWatcher}): reconciled now, so suspend, interval, dependsOn,
 *       prune... take effect;</li>
 *   <li>a Kustomization became ready (applied here, or seen ready by the watcher): those that depend on it and
 *       are owned here are reconciled now, instead of waiting for their retry interval;</li>
 *   <li>deleted: forgotten, its objects deleted when its deletion policy says so.</li>
 * </ul>
 */
@ApplicationScoped
public class ReconcileTriggers {

    private static final Logger LOG = Logger.getLogger(ReconcileTriggers.class);
    /** First run of a restored desired state that may not be applied yet: soon, but after the restore settled. */
    private static final Duration SOON = Duration.ofSeconds(1);

    @Inject
    ApplyConfig config;
    @Inject
    ApplyPartitions ownership;
    @Inject
    KustomizationApplyHandler handler;
    @Inject
    KustomizationWatcher watcher;

    private ReconcileScheduler scheduler;
    private final RequestsTaken requestsTaken = new RequestsTaken();

    @PostConstruct
    void init() {
        scheduler = new ReconcileScheduler(config.workers(), this::run, ownership::owns);
    }

    @PreDestroy
    void close() {
        scheduler.close();
    }

    private Duration run(ObjectKey key) {
        KustomizationApplyHandler.Outcome outcome = handler.reconcile(key);
        if (outcome.nowReady()) {
            becameReady(key);
        }
        return outcome.next();
    }

    /** New work from {@code render.manifests}: the new desired state, applied now. */
    public void rendered(ManifestsRendered rendering) {
        if (!Kustomization.KIND.equals(rendering.app().kind())) {
            LOG.debugf("%s: not a Kustomization, not applied by apply-service", rendering.app());
            return;
        }
        handler.desiredStates().received(rendering);
        scheduler.requestNow(rendering.app());
    }

    /** ReconcileRequested: every replica receives every request; the one owning the Kustomization acts. */
    public void reconcileRequested(ReconcileRequested request) {
        ObjectKey key = request.object();
        if (!Kustomization.KIND.equals(key.kind())) {
            return; // another service's kind
        }
        if (!ownership.owns(key)) {
            LOG.debugf("%s: reconcile request left to the replica that owns it", key);
            return;
        }
        Optional<Kustomization> seen = watcher.get(key);
        if (seen.isPresent() && !newerThanHandled(seen.get().getStatus(), request.requestedAt())) {
            LOG.debugf("%s: reconcile request of %s already handled", key, request.requestedAt());
            return;
        }
        requested(key, request.requestedAt().toString());
    }

    /**
     * A reconcile request with the value for {@code lastHandledReconcileAt}. The same request carried by another
     * trigger too (the ReconcileRequested and the annotation of one {@code sluice reconcile}) runs once.
     */
    void requested(ObjectKey key, String value) {
        if (!ownership.owns(key)) {
            return;
        }
        if (!requestsTaken.take(key, value)) {
            LOG.debugf("%s: reconcile request of %s already taken (it came by another trigger too)", key, value);
            return;
        }
        handler.requestReceived(key, value);
        scheduler.requestNow(key);
    }

    /** Created or spec changed. */
    void changed(ObjectKey key) {
        if (ownership.owns(key)) {
            scheduler.requestNow(key);
        }
    }

    /** {@code key} is ready now: reconcile the Kustomizations owned here that depend on it. */
    void becameReady(ObjectKey key) {
        for (Kustomization ks : watcher.all()) {
            ObjectKey dependent = KustomizationWatcher.key(ks);
            if (dependsOn(ks, key) && ownership.owns(dependent)) {
                LOG.debugf("%s is ready: reconciling its dependent %s", key, dependent);
                scheduler.requestNow(dependent);
            }
        }
    }

    void deleted(Kustomization ks) {
        ObjectKey key = KustomizationWatcher.key(ks);
        scheduler.forget(key);
        requestsTaken.forget(key);
        handler.deleted(ks, ownership.owns(key));
    }

    void restored(@Observes ApplyPartitions.RenderingsRestored restored) {
        for (ObjectKey app : restored.apps()) {
            if (ownership.owns(app) && Kustomization.KIND.equals(app.kind())) {
                scheduler.requestAfter(app, firstRunAfterRestore(app));
            }
        }
    }

    /** The interval when the Kustomization is Ready at the restored revision (only a drift check is due), else soon. */
    private Duration firstRunAfterRestore(ObjectKey app) {
        Optional<Kustomization> seen = watcher.get(app);
        Optional<DesiredStates.Desired> desired = handler.desiredStates().get(app);
        if (seen.isEmpty() || desired.isEmpty() || seen.get().getStatus() == null) {
            return SOON;
        }
        KustomizationStatus status = seen.get().getStatus();
        boolean upToDate = desired.get().rendering().sourceRevision().equals(status.getLastAppliedRevision())
                && Conditions.isTrue(status, ConditionTypes.READY)
                && Objects.equals(status.getObservedGeneration(), seen.get().getMetadata().getGeneration());
        if (!upToDate) {
            return SOON;
        }
        try {
            return KustomizationSettings.of(seen.get(), config.defaultInterval()).interval();
        } catch (KustomizationSettings.InvalidSpecException e) {
            return SOON; // the run marks it Stalled
        }
    }

    private static boolean dependsOn(Kustomization ks, ObjectKey dependency) {
        if (ks.getSpec() == null || ks.getSpec().getDependsOn() == null) {
            return false;
        }
        return ks.getSpec().getDependsOn().stream().anyMatch(ref -> dependency.name().equals(ref.getName())
                && dependency.namespace().equals(ref.getNamespace() == null || ref.getNamespace().isBlank()
                ? ks.getMetadata().getNamespace() : ref.getNamespace()));
    }

    /** Flux handles a request once: only one newer than {@code lastHandledReconcileAt} counts (replays are ignored). */
    static boolean newerThanHandled(KustomizationStatus status, Instant requestedAt) {
        if (status == null || status.getLastHandledReconcileAt() == null) {
            return true;
        }
        try {
            return requestedAt.isAfter(Instant.parse(status.getLastHandledReconcileAt()));
        } catch (DateTimeParseException e) {
            return true; // an annotation value that is no timestamp: cannot compare, handle it
        }
    }
}
