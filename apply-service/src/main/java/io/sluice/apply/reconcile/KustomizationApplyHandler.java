package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.api.events.ApplyCompleted;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationStatus;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.apply.ssa.ApplyException;
import io.sluice.apply.ssa.DesiredSet;
import io.sluice.apply.ssa.Inventory;
import io.sluice.apply.ssa.RevisionApplier;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.kit.metrics.StageTimer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One reconciliation of one Kustomization, kustomize-controller's sequence after the build, in {@link #run} as its
 * steps: the Kustomization is read fresh; missing → forgotten; invalid spec → Stalled; suspended → nothing; no
 * rendering received yet → nothing; a dependency not ready → Ready=False DependencyNotReady, retried after
 * {@code spec.retryInterval}. Then the desired state (the last ManifestsRendered, {@link DesiredStates}) is applied,
 * one path whatever the {@link RunMode}:
 *
 * <ul>
 *   <li><b>full</b> (a rendering not applied yet, a new spec generation, or Ready not True): Ready=Unknown and
 *       Reconciling=True while it runs; afterwards ApplyCompleted, the status (Ready, Healthy, revisions,
 *       inventory) and an event, as {@code docs/apply-service.md} tabulates;</li>
 *   <li><b>drift check</b> (the rendering is the one applied last and the Kustomization is Ready for its
 *       spec): the same apply, but when every object is unchanged nothing is written and nothing published;
 *       objects changed or deleted by hand are restored, reported in ApplyCompleted and an info event
 *       {@code DriftCorrected} naming each of them;</li>
 *   <li><b>last good</b> (a newer revision of the source fails to build, {@link FailingRevision}): the drift check of
 *       the last good rendering, which never writes Ready=True or Reconciling over the failure.</li>
 * </ul>
 * Each step that fails throws a {@link ReconcileFailure} (reason, message, inventory): manifests not obtainable
 * (ArtifactFailed) or not parsable (BuildFailed), the cluster's refusal ({@link FailureReasons}), objects not healthy
 * (HealthCheckFailed); {@link #run} catches it once and marks the Kustomization failed.
 *
 * <p>Returns when to run again: {@code spec.interval} after success, {@code spec.retryInterval} after a failure,
 * never (until something asks) when suspended, stalled, missing or without a rendering. Blocking (API calls,
 * health waits): {@link ReconcileTriggers} runs it on its workers, one run at a time per Kustomization. A deleted
 * Kustomization's objects are {@link KustomizationDeletion}'s.
 */
@ApplicationScoped
public class KustomizationApplyHandler {

    private static final Logger LOG = Logger.getLogger(KustomizationApplyHandler.class);
    static final String CONTROLLER = "apply-service";
    /** Event reason of a drift-correction run that restored objects changed or deleted by hand. */
    public static final String DRIFT_CORRECTED = "DriftCorrected";

    /** Where events go: the kit's EventPublisher in the service, a list in tests. */
    public interface EventSink {
        CompletionStage<Void> publish(SluiceEvent event);
    }

    /**
     * What a run decided.
     *
     * @param next    when to run again; null: only when asked (a rendering, a request, a spec change)
     * @param nowReady the run made the Kustomization Ready (its dependents may go on)
     */
    public record Outcome(Duration next, boolean nowReady) {
        static Outcome idle() {
            return new Outcome(null, false);
        }
    }

    private final KubernetesClient client;
    private final Appliers appliers;
    private final EventSink publisher;
    private final StageTimer stageTimer;
    private final ReconcileMetrics metrics;
    private final Duration defaultInterval;
    private final DesiredStates desired = new DesiredStates();
    private final AppliedRenderings applied = new AppliedRenderings();
    private final Map<ObjectKey, String> pendingRequests = new ConcurrentHashMap<>();
    private final RenderedYaml renderedYaml = new RenderedYaml();
    private final ApplyStatusWriter statusWriter;
    private final DependencyCheck dependencies;
    private final KustomizationDeletion deletion;

    @Inject
    KustomizationApplyHandler(KubernetesClient client, EventPublisher publisher, StageTimer stageTimer, MeterRegistry registry,
                              ApplyConfig config) {
        this(new Appliers(client, c -> new RevisionApplier(c, config.healthInterval())), publisher::publish, stageTimer,
                new ReconcileMetrics(registry), config.defaultInterval());
    }

    public KustomizationApplyHandler(Appliers appliers, EventSink publisher, StageTimer stageTimer, ReconcileMetrics metrics,
                                     Duration defaultInterval) {
        this.client = appliers.serviceClient();
        this.appliers = appliers;
        this.publisher = publisher;
        this.stageTimer = stageTimer;
        this.metrics = metrics;
        this.defaultInterval = defaultInterval;
        this.statusWriter = new ApplyStatusWriter(client);
        this.dependencies = new DependencyCheck(client);
        this.deletion = new KustomizationDeletion(appliers, this::publish, defaultInterval);
    }

    @PreDestroy
    void close() {
        appliers.close();
    }

    /** The desired state of each Kustomization this replica owns. */
    public DesiredStates desiredStates() {
        return desired;
    }

    /**
     * A reconcile request (ReconcileRequested, or Flux's {@code reconcile.fluxcd.io/requestedAt} annotation): the
     * next run writes {@code value} to {@code status.lastHandledReconcileAt}.
     */
    public void requestReceived(ObjectKey key, String value) {
        pendingRequests.put(key, value);
    }

    /** Receives a rendering and reconciles at once, on the caller's thread (tests; the service goes through {@link ReconcileTriggers}). */
    public Outcome onManifests(ManifestsRendered rendering) {
        if (!Kustomization.KIND.equals(rendering.app().kind())) {
            LOG.debugf("%s: not a Kustomization, not applied by this handler", rendering.app());
            return Outcome.idle();
        }
        desired.received(rendering);
        return reconcile(rendering.app());
    }

    /** One run; see the class comment. */
    public Outcome reconcile(ObjectKey key) {
        long started = System.nanoTime();
        try {
            return run(key);
        } finally {
            metrics.recordDuration(key, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Outcome run(ObjectKey key) {
        Kustomization ks = client.resources(Kustomization.class).inNamespace(key.namespace()).withName(key.name()).get();
        if (ks == null) {
            LOG.infof("%s: the Kustomization does not exist (deleted?); forgotten", key);
            forget(key);
            return Outcome.idle();
        }
        KustomizationSettings settings;
        try {
            settings = KustomizationSettings.of(ks, defaultInterval);
        } catch (KustomizationSettings.InvalidSpecException e) {
            stalled(key, e);
            return Outcome.idle();
        }
        if (settings.suspend()) {
            LOG.infof("%s: suspended; nothing applied until spec.suspend is false", key);
            return Outcome.idle();
        }
        Optional<DesiredStates.Desired> wanted = desired.get(key);
        if (wanted.isEmpty()) {
            LOG.debugf("%s: no rendering received yet; it is applied when render-service publishes one", key);
            return Outcome.idle();
        }
        ManifestsRendered rendering = wanted.get().rendering();
        String handledAt = pendingRequests.remove(key);
        Optional<String> notReady = dependencies.firstNotReady(settings);
        if (notReady.isPresent()) {
            dependencyNotReady(key, settings, rendering.sourceRevision(), notReady.get(), handledAt);
            return new Outcome(settings.retryInterval(), false);
        }
        KustomizationStatus status = ks.getStatus() == null ? new KustomizationStatus() : ks.getStatus();
        RunMode mode = RunMode.of(settings, status, applied.alreadyApplied(key, status.getLastAppliedRevision(), wanted.get()),
                rendering.sourceRevision());
        try {
            return apply(settings, rendering, mode, status, handledAt);
        } catch (ReconcileFailure failure) {
            if (mode == RunMode.LAST_GOOD) {
                // the failing revision's condition stays: this one is only said in the log and an event
                lastGoodFailed(key, rendering.sourceRevision(), failure, handledAt);
            } else {
                fail(key, rendering.sourceRevision(), failure, handledAt);
            }
            return new Outcome(settings.retryInterval(), false);
        }
    }

    /**
     * The one path of the full apply and the drift check: objects, apply (prune, health), then the status, the
     * ApplyCompleted and the event the mode calls for. Each failing step throws {@link ReconcileFailure}.
     */
    private Outcome apply(KustomizationSettings settings, ManifestsRendered rendering, RunMode mode, KustomizationStatus status,
                          String handledAt) {
        ObjectKey key = settings.key();
        String revision = rendering.sourceRevision();
        Instant started = Instant.now();
        if (mode.full()) {
            statusWriter.progressing(key, revision, KustomizationSettings.goDuration(settings.timeout()), settings.checksHealth(),
                    handledAt, started);
            metrics.recordCondition(key, ConditionTypes.READY, Conditions.UNKNOWN);
        }
        RevisionApplier.Result result = applyRevision(settings, objects(settings, rendering), revision, status);
        Duration took = Duration.between(started, Instant.now());
        boolean changed = result.changeSet().changedAnything();
        if (mode.full()) {
            stageTimer.record("apply", took);
        }
        if (mode.full() || changed || !result.healthy()) {
            // a rendering applied for the first time carries the push that led to it; a re-apply does not
            Instant pushReceivedAt = mode == RunMode.NEW_RENDERING ? rendering.pushReceivedAt() : null;
            publish(new ApplyCompleted(key, revision, result.changeSet().entries(), result.health(), took, pushReceivedAt));
        }
        if (!result.healthy()) {
            // the objects were written (so the inventory is the new one), but the revision is not healthy
            throw new ReconcileFailure(Reasons.HEALTH_CHECK_FAILED, "Health check failed after " + seconds(took) + ": "
                    + result.health().message(), result.inventory());
        }
        if (mode == RunMode.LAST_GOOD) {
            // never Ready while the source's revision fails to build: the failure stays in the status
            statusWriter.handled(key, handledAt);
            metrics.recordCondition(key, ConditionTypes.READY, Conditions.FALSE);
            report(key, revision, mode, result);
            return new Outcome(settings.interval(), false);
        }
        statusWriter.applied(key, revision, result.inventory().toResourceInventory(), healthMessage(settings, took), handledAt, Instant.now());
        metrics.recordCondition(key, ConditionTypes.READY, Conditions.TRUE);
        applied.applied(key, rendering.digest());
        if (mode == RunMode.NEW_RENDERING) {
            stageTimer.pushApplied(rendering.pushReceivedAt());
        }
        report(key, revision, mode, result);
        return new Outcome(settings.interval(), mode.full());
    }

    /** The event of a successful run: what was applied, or what drifted; a drift check that found nothing says nothing. */
    private void report(ObjectKey key, String revision, RunMode mode, RevisionApplier.Result result) {
        String summary = result.changeSet().summary();
        if (mode.full()) {
            LOG.infof("%s: applied %s: %s", key, revision, summary);
            String message = result.drift().detected() ? result.drift().message() : summary;
            publish(new ObjectEvent(key, Severity.INFO, Reasons.RECONCILIATION_SUCCEEDED, message, revision, Map.of(), Instant.now(), CONTROLLER));
        } else if (result.drift().detected()) {
            LOG.infof("%s: %s", key, result.drift().message());
            publish(new ObjectEvent(key, Severity.INFO, DRIFT_CORRECTED, result.drift().message(), revision, Map.of(), Instant.now(), CONTROLLER));
        } else if (result.changeSet().changedAnything()) {
            LOG.infof("%s: re-applied %s: %s", key, revision, summary);
            publish(new ObjectEvent(key, Severity.INFO, Reasons.RECONCILIATION_SUCCEEDED, summary, revision, Map.of(), Instant.now(), CONTROLLER));
        } else {
            LOG.debugf("%s: no drift at %s", key, revision);
        }
    }

    /** The rendered objects, prepared once per rendering; unobtainable or unparsable manifests fail the run. */
    private DesiredSet objects(KustomizationSettings settings, ManifestsRendered rendering) {
        try {
            return desired.objects(rendering, settings.applyOptions(),
                    r -> DesiredSet.parse(renderedYaml.yaml(r.manifests()), settings.applyOptions()));
        } catch (RenderedYaml.ManifestsUnavailableException e) {
            // claim check unreachable, gone or not matching its digest
            throw new ReconcileFailure(Reasons.ARTIFACT_FAILED, e.getMessage(), null);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // unparsable YAML, a document that is no object, an object rendered twice
            throw new ReconcileFailure(Reasons.BUILD_FAILED, e.getMessage(), null);
        }
    }

    /** Applies, prunes and waits as the Kustomization's user; what the cluster refuses fails the run. */
    private RevisionApplier.Result applyRevision(KustomizationSettings settings, DesiredSet objects, String revision,
                                                 KustomizationStatus status) {
        try {
            return appliers.applierFor(settings.impersonatedUser()).apply(new RevisionApplier.Request(objects, revision,
                    status.getLastAppliedRevision(), Inventory.from(status.getInventory()), settings.prune(), settings.waitForAll(),
                    settings.healthChecks(), settings.timeout(), settings.applyOptions()));
        } catch (ApplyException e) {
            throw ReconcileFailure.of(e);
        }
    }

    private void stalled(ObjectKey key, KustomizationSettings.InvalidSpecException e) {
        String message = "Reconciliation failed terminally due to configuration error: " + e.getMessage();
        LOG.warnf("%s: %s", key, message);
        if (statusWriter.stalled(key, ApplyStatusWriter.INVALID_SPEC, message, Instant.now())) {
            publish(new ObjectEvent(key, Severity.ERROR, ApplyStatusWriter.INVALID_SPEC, message, null, Map.of(), Instant.now(), CONTROLLER));
        }
        metrics.recordCondition(key, ConditionTypes.READY, Conditions.FALSE);
    }

    private void dependencyNotReady(ObjectKey key, KustomizationSettings settings, String revision, String message, String handledAt) {
        String retry = KustomizationSettings.goDuration(settings.retryInterval());
        LOG.infof("%s: %s; retrying in %s", key, message, retry);
        boolean written = statusWriter.failed(key, null, null, Reasons.DEPENDENCY_NOT_READY, message, handledAt, Instant.now());
        metrics.recordCondition(key, ConditionTypes.READY, Conditions.FALSE);
        if (written) {
            // once per change of the condition, not on every retry
            publish(new ObjectEvent(key, Severity.INFO, Reasons.DEPENDENCY_NOT_READY, "Dependencies do not meet ready condition ("
                    + message + "), retrying in " + retry, revision, Map.of(), Instant.now(), CONTROLLER));
        }
    }

    /** The one exit of a failed run: Ready=False with the failure's reason and message, and an error event. */
    private void fail(ObjectKey key, String revision, ReconcileFailure failure, String handledAt) {
        LOG.warnf("%s: %s at %s: %s", key, failure.reason(), revision, failure.getMessage());
        Instant now = Instant.now();
        statusWriter.failed(key, revision, failure.inventory().map(Inventory::toResourceInventory).orElse(null), failure.reason(),
                failure.getMessage(), handledAt, now);
        metrics.recordCondition(key, ConditionTypes.READY, Conditions.FALSE);
        publish(new ObjectEvent(key, Severity.ERROR, failure.reason(), failure.getMessage(), revision, Map.of(), now, CONTROLLER));
    }

    /** A drift check of the last good rendering failed while a newer revision fails to build: said, not written over it. */
    private void lastGoodFailed(ObjectKey key, String revision, ReconcileFailure failure, String handledAt) {
        LOG.warnf("%s: correcting drift of the last good revision %s failed (%s): %s; Ready keeps the failing revision's reason",
                key, revision, failure.reason(), failure.getMessage());
        statusWriter.handled(key, handledAt);
        publish(new ObjectEvent(key, Severity.ERROR, failure.reason(), failure.getMessage(), revision, Map.of(), Instant.now(), CONTROLLER));
    }

    /**
     * The Kustomization was deleted: forget it and, on the replica that owns it, delete its objects when its deletion
     * policy says so ({@link KustomizationDeletion}).
     */
    public void deleted(Kustomization ks, boolean owner) {
        ObjectKey key = KustomizationWatcher.key(ks);
        forget(key);
        metrics.recordCondition(key, ConditionTypes.READY, "Deleted");
        if (owner) {
            deletion.deleted(ks);
        }
    }

    private void forget(ObjectKey key) {
        desired.forget(key);
        applied.forget(key);
        pendingRequests.remove(key);
    }

    private void publish(SluiceEvent event) {
        publisher.publish(event).toCompletableFuture().join();
    }

    private static String healthMessage(KustomizationSettings settings, Duration took) {
        return settings.checksHealth() ? "Health check passed in " + seconds(took) : null;
    }

    private static String seconds(Duration took) {
        return String.format(Locale.ROOT, "%.1fs", took.toMillis() / 1000.0);
    }
}
