package io.sluice.rollout.analysis;

import io.sluice.api.events.Severity;
import io.sluice.rollout.analysis.RolloutAction.Announce;
import io.sluice.rollout.analysis.RolloutAction.InitializePrimary;
import io.sluice.rollout.analysis.RolloutAction.PromoteToPrimary;
import io.sluice.rollout.analysis.RolloutAction.RouteTraffic;
import io.sluice.rollout.analysis.RolloutAction.ScaleCanaryToZero;
import io.sluice.rollout.analysis.RolloutAction.ScaleCanaryUp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One tick of Flagger's analysis as a pure function: from the plan, the current state, what the cluster shows and the
 * metric checks, to the next state and the actions that get there. No clock, no cluster, no Prometheus: the reconciler
 * reads those and calls {@link #decide} once per {@code analysis.interval}.
 *
 * <pre>
 * (none) → Initializing → Initialized ─new revision→ Progressing ─max weight or iterations passed→ Promoting
 *        → Finalising → Succeeded ─new revision→ Progressing ...
 * Progressing ─failedChecks reaches threshold, or canary not ready by the progress deadline→ Failed (rolled back)
 * </pre>
 *
 * <p>Beyond Flagger: a new revision arriving mid-analysis restarts the analysis on it at once (flagger#30), and
 * promotion routes traffic back to the primary only once the primary is ready (flagger#1202).
 */
public final class AnalysisStep {

    private AnalysisStep() {
    }

    /** Whether {@link #decide} will look at metric checks for this tick; only then does the reconciler run them. */
    public static boolean checksNeeded(AnalysisPlan plan, RolloutState state, Observation observed) {
        return !plan.suspended() && observed.targetExists() && state.phase() != null && state.phase().analysing()
                && Objects.equals(observed.targetRevision(), state.lastAppliedSpec()) && observed.canaryReady()
                && !plan.skipAnalysis() && state.failedChecks() < plan.threshold()
                && (plan.blueGreen() || state.canaryWeight() > 0);
    }

    /**
     * @param canary   the Canary as Flagger names it in messages, {@code name.namespace}
     * @param checks   the results of the metric checks, when {@link #checksNeeded} said so; ignored otherwise
     */
    public static Decision decide(String canary, AnalysisPlan plan, RolloutState state, Observation observed,
                                  List<CheckResult> checks, Instant now) {
        if (plan.suspended()) {
            return Decision.unchanged(state);
        }
        if (!observed.targetExists()) {
            return targetMissing(canary, state, now);
        }
        if (state.promoted() != null && state.promoted().isProblem()) {
            // The tick got this far, so the problem is gone: the phase's own condition comes back.
            state = state.withCondition(Promoted.forPhase(state.phase()));
        }
        CanaryPhase phase = state.phase();
        if (phase == null) {
            return new Decision(state.enter(CanaryPhase.INITIALIZING, now,
                    Promoted.pending("Initializing", "Creating the primary Deployment, the Services and the HTTPRoute")),
                    List.of(new InitializePrimary(), new RouteTraffic(100, 0)));
        }
        return switch (phase) {
            case INITIALIZING -> initializing(canary, state, observed, now);
            case INITIALIZED, SUCCEEDED, FAILED -> idle(canary, state, observed, now);
            case PROGRESSING, WAITING, WAITING_PROMOTION -> progressing(canary, plan, state, observed, checks, now);
            case PROMOTING -> promoting(canary, state, observed, now);
            case FINALISING -> finalising(canary, state, now);
            case TERMINATING, TERMINATED -> Decision.unchanged(state);
        };
    }

    private static Decision targetMissing(String canary, RolloutState state, Instant now) {
        Promoted problem = Promoted.not("TargetNotFound", "Target Deployment of " + canary + " not found (spec.targetRef)");
        if (problem.equals(state.promoted())) {
            return Decision.unchanged(state); // said once; saying it every interval would flood the alerts
        }
        RolloutState next = state.phase() == null ? state.enter(CanaryPhase.INITIALIZING, now, problem) : state.withCondition(problem);
        return new Decision(next, List.of(new Announce(Severity.ERROR, "TargetNotFound", problem.message())));
    }

    private static Decision initializing(String canary, RolloutState state, Observation observed, Instant now) {
        if (!observed.primaryReady()) {
            return Decision.unchanged(state);
        }
        RolloutState initialized = new RolloutState(state.phase(), 0, 0, 0, observed.targetRevision(), observed.targetRevision(),
                state.lastTransitionTime(), state.promoted())
                .enter(CanaryPhase.INITIALIZED, now, Promoted.holds("Initialized", "Deployment initialization completed."));
        return new Decision(initialized, List.of(new ScaleCanaryToZero(),
                new Announce(Severity.INFO, "Synced", "Initialization done! " + canary)));
    }

    private static Decision idle(String canary, RolloutState state, Observation observed, Instant now) {
        if (Objects.equals(observed.targetRevision(), state.lastAppliedSpec())) {
            return Decision.unchanged(state);
        }
        RolloutState next = state.restartOn(observed.targetRevision()).enter(CanaryPhase.PROGRESSING, now,
                Promoted.pending("Progressing", "New revision detected, progressing canary analysis."));
        return new Decision(next, List.of(new ScaleCanaryUp(),
                new Announce(Severity.INFO, "Synced", "New revision detected! Scaling up " + canary)));
    }

    private static Decision progressing(String canary, AnalysisPlan plan, RolloutState state, Observation observed,
                                        List<CheckResult> checks, Instant now) {
        if (!Objects.equals(observed.targetRevision(), state.lastAppliedSpec())) {
            RolloutState restarted = new RolloutState(CanaryPhase.PROGRESSING, 0, 0, 0, observed.targetRevision(),
                    state.lastPromotedSpec(), now, Promoted.pending("Progressing", "New revision detected, restarting the analysis."));
            return new Decision(restarted, List.of(new RouteTraffic(100, 0), new ScaleCanaryUp(),
                    new Announce(Severity.INFO, "Synced", "New revision detected during the analysis, restarting it: " + canary)));
        }
        if (!observed.canaryReady()) {
            if (state.lastTransitionTime() != null && !now.isBefore(state.lastTransitionTime().plus(plan.progressDeadline()))) {
                return rollBack(canary, state, now, "canary Deployment not ready within progressDeadlineSeconds ("
                        + plan.progressDeadline().toSeconds() + "s)");
            }
            return Decision.unchanged(state);
        }
        if (plan.skipAnalysis()) {
            return promote(canary, state, now, "analysis skipped");
        }
        if (state.failedChecks() >= plan.threshold()) {
            return rollBack(canary, state, now, "failed checks threshold reached " + state.failedChecks());
        }
        if (!plan.blueGreen() && state.canaryWeight() == 0) {
            return advance(canary, plan, state, "Starting canary analysis for " + canary + ", ");
        }
        List<CheckResult> failed = checks.stream().filter(check -> !check.passed()).toList();
        if (!failed.isEmpty()) {
            return halt(canary, plan, state, now, failed);
        }
        if (plan.blueGreen()) {
            int passed = state.iterations() + 1;
            if (passed >= plan.iterations()) {
                return promote(canary, state.withIterations(passed), now, "passed " + passed + " of " + plan.iterations() + " iterations");
            }
            return new Decision(state.withIterations(passed), List.of(
                    new Announce(Severity.INFO, "Synced", "Advance " + canary + " iteration " + passed + "/" + plan.iterations())));
        }
        if (state.canaryWeight() >= plan.maxWeight()) {
            return promote(canary, state, now, "at " + state.canaryWeight() + "%");
        }
        return advance(canary, plan, state, "");
    }

    private static Decision advance(String canary, AnalysisPlan plan, RolloutState state, String prefix) {
        int weight = plan.nextWeight(state.canaryWeight());
        return new Decision(state.withWeight(weight), List.of(new RouteTraffic(100 - weight, weight),
                new Announce(Severity.INFO, "Synced", prefix + "Advance " + canary + " canary weight " + weight)));
    }

    private static Decision halt(String canary, AnalysisPlan plan, RolloutState state, Instant now, List<CheckResult> failed) {
        String why = failed.stream().map(CheckResult::message).collect(Collectors.joining("; "));
        RolloutState next = state.withFailedChecks(state.failedChecks() + 1);
        if (next.failedChecks() >= plan.threshold()) {
            return rollBack(canary, next, now, why);
        }
        return new Decision(next, List.of(new Announce(Severity.ERROR, "Synced", "Halt " + canary + " advancement: " + why)));
    }

    private static Decision promote(String canary, RolloutState state, Instant now, String how) {
        RolloutState next = state.enter(CanaryPhase.PROMOTING, now,
                Promoted.pending("Promoting", "Copying " + canary + " template spec to the primary"));
        return new Decision(next, List.of(new PromoteToPrimary(),
                new Announce(Severity.INFO, "Synced", "Canary " + canary + " promoted " + how)));
    }

    private static Decision promoting(String canary, RolloutState state, Observation observed, Instant now) {
        if (!observed.primaryReady()) {
            return Decision.unchanged(state); // the canary keeps its traffic until the primary runs the new revision
        }
        RolloutState next = state.withWeight(0).enter(CanaryPhase.FINALISING, now,
                Promoted.pending("Finalising", "Routing all traffic to the primary"));
        return new Decision(next, List.of(new RouteTraffic(100, 0),
                new Announce(Severity.INFO, "Synced", "Routing all traffic to primary of " + canary)));
    }

    private static Decision finalising(String canary, RolloutState state, Instant now) {
        RolloutState next = state.promotedAs(state.lastAppliedSpec()).withFailedChecks(0).enter(CanaryPhase.SUCCEEDED, now,
                Promoted.holds("Succeeded", "Canary analysis completed successfully, promotion finished."));
        return new Decision(next, List.of(new ScaleCanaryToZero(),
                new Announce(Severity.INFO, "Synced", "Promotion completed! Scaling down " + canary)));
    }

    private static Decision rollBack(String canary, RolloutState state, Instant now, String why) {
        RolloutState next = state.withWeight(0).enter(CanaryPhase.FAILED, now,
                Promoted.not("Failed", "Canary analysis failed, Deployment scaled to zero: " + why));
        List<RolloutAction> actions = new ArrayList<>();
        actions.add(new RouteTraffic(100, 0));
        actions.add(new ScaleCanaryToZero());
        actions.add(new Announce(Severity.ERROR, "Synced", "Rolling back " + canary + ": " + why));
        return new Decision(next, actions);
    }
}
