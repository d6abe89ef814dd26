package io.sluice.rollout.reconcile;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.flagger.Canary;
import io.sluice.api.flagger.CanaryStatus;
import io.sluice.api.meta.ObjectKey;
import io.sluice.kit.cluster.StatusUpdates;
import io.sluice.kit.messaging.EventSink;
import io.sluice.rollout.analysis.AnalysisPlan;
import io.sluice.rollout.analysis.AnalysisStep;
import io.sluice.rollout.analysis.CanaryStatuses;
import io.sluice.rollout.analysis.CheckResult;
import io.sluice.rollout.analysis.Decision;
import io.sluice.rollout.analysis.InvalidCanaryException;
import io.sluice.rollout.analysis.Observation;
import io.sluice.rollout.analysis.Promoted;
import io.sluice.rollout.analysis.RolloutAction;
import io.sluice.rollout.analysis.RolloutState;
import io.sluice.rollout.metrics.MetricChecks;
import io.sluice.rollout.scheme.PodTemplateRevision;
import io.sluice.rollout.scheme.SchemeNames;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One analysis tick of one Canary against the cluster: read the Canary, its target and its primary; run the metric
 * checks if this tick needs them; ask {@link AnalysisStep} what comes next; carry the actions out; write the status;
 * publish the announcements as ObjectEvents. A spec that cannot work, or a cluster that refuses a write, leaves the
 * analysis where it was and says why in the Promoted condition and one event.
 *
 * <p>Plain Java (no Quarkus), so tests drive it tick by tick against the sandbox API server.
 */
public final class CanaryReconciler {

    private final KubernetesClient client;
    private final MetricChecks checks;
    private final EventSink events;
    private final Clock clock;
    private final String controller;
    private final ClusterActions actions;
    private final StatusUpdates<Canary, CanaryStatus> statuses;

    public CanaryReconciler(KubernetesClient client, MetricChecks checks, EventSink events, Clock clock, String controller) {
        this.client = client;
        this.checks = checks;
        this.events = events;
        this.clock = clock;
        this.controller = controller;
        this.actions = new ClusterActions(client);
        this.statuses = new StatusUpdates<>(client, Canary.class, CanaryStatus::new);
    }

    /** Runs one tick; returns the state written, or the state as it was when the Canary is gone. */
    public RolloutState reconcile(ObjectKey key) {
        Instant now = clock.instant();
        Canary canary = client.resources(Canary.class).inNamespace(key.namespace()).withName(key.name()).get();
        if (canary == null) {
            return RolloutState.initial();
        }
        RolloutState state = CanaryStatuses.read(canary.getStatus());
        String display = key.name() + "." + key.namespace();
        AnalysisPlan plan;
        try {
            plan = AnalysisPlan.of(canary.getSpec());
        } catch (InvalidCanaryException e) {
            return problem(key, state, "InvalidSpec", e.getMessage(), now);
        }
        SchemeNames names = SchemeNames.of(canary);
        Deployment target = deployment(names.namespace(), names.target());
        Deployment primary = deployment(names.namespace(), names.primaryDeployment());
        Observation observed = target == null ? Observation.targetMissing()
                : new Observation(true, PodTemplateRevision.of(target), DeploymentReadiness.ready(target), DeploymentReadiness.ready(primary));

        List<CheckResult> results = AnalysisStep.checksNeeded(plan, state, observed) ? checks.run(canary) : List.of();
        Decision decision = AnalysisStep.decide(display, plan, state, observed, results, now);
        try {
            for (RolloutAction action : decision.actions()) {
                actions.run(action, canary, target);
            }
        } catch (InvalidCanaryException e) {
            return problem(key, state, "InvalidSpec", e.getMessage(), now);
        } catch (KubernetesClientException e) {
            return problem(key, state, "ApplyFailed", "Kubernetes API refused a change for " + display + ": " + e.getMessage(), now);
        }
        write(key, decision.next(), now);
        for (RolloutAction action : decision.actions()) {
            if (action instanceof RolloutAction.Announce announce) {
                publish(key, decision.next(), announce.severity(), announce.reason(), announce.message(), now);
            }
        }
        return decision.next();
    }

    /** Records a problem on the Promoted condition (phase and weights stay) and says it once. */
    private RolloutState problem(ObjectKey key, RolloutState state, String reason, String message, Instant now) {
        Promoted condition = Promoted.not(reason, message);
        if (condition.equals(state.promoted())) {
            return state;
        }
        RolloutState next = new RolloutState(state.phase(), state.canaryWeight(), state.failedChecks(), state.iterations(),
                state.lastAppliedSpec(), state.lastPromotedSpec(), state.lastTransitionTime(), condition);
        write(key, next, now);
        publish(key, next, Severity.ERROR, reason, message, now);
        return next;
    }

    private void write(ObjectKey key, RolloutState next, Instant now) {
        statuses.update(key, (fresh, status) -> CanaryStatuses.write(next, status, now));
    }

    private void publish(ObjectKey key, RolloutState state, Severity severity, String reason, String message, Instant now) {
        Map<String, String> metadata = Map.of(
                "phase", state.phase() == null ? "" : state.phase().value(),
                "canaryWeight", Integer.toString(state.canaryWeight()),
                "failedChecks", Integer.toString(state.failedChecks()));
        events.publish(new ObjectEvent(key, severity, reason, message, state.lastAppliedSpec(), metadata, now, controller))
                .toCompletableFuture().join();
    }

    private Deployment deployment(String namespace, String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get();
    }
}
