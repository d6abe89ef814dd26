package io.sluice.rollout.analysis;

import java.time.Instant;

/**
 * The part of a Canary's status the analysis reads and writes, as an immutable value.
 *
 * @param phase              the current phase; {@code null} before the first reconcile
 * @param canaryWeight       percent of traffic on the canary
 * @param failedChecks       failed checks in the current analysis
 * @param iterations         passed checks in the current blue/green analysis
 * @param lastAppliedSpec    the target revision the analysis runs (or ran) on
 * @param lastPromotedSpec   the target revision last promoted to the primary
 * @param lastTransitionTime when the phase last changed; {@code null} before the first reconcile
 * @param promoted           the Promoted condition
 */
public record RolloutState(CanaryPhase phase, int canaryWeight, int failedChecks, int iterations, String lastAppliedSpec,
                           String lastPromotedSpec, Instant lastTransitionTime, Promoted promoted) {

    /** A Canary never reconciled. */
    public static RolloutState initial() {
        return new RolloutState(null, 0, 0, 0, null, null, null, null);
    }

    /** The same state in another phase; the transition time moves only when the phase does. */
    RolloutState enter(CanaryPhase next, Instant now, Promoted condition) {
        Instant since = next == phase && lastTransitionTime != null ? lastTransitionTime : now;
        return new RolloutState(next, canaryWeight, failedChecks, iterations, lastAppliedSpec, lastPromotedSpec, since, condition);
    }

    RolloutState withWeight(int weight) {
        return new RolloutState(phase, weight, failedChecks, iterations, lastAppliedSpec, lastPromotedSpec, lastTransitionTime, promoted);
    }

    RolloutState withFailedChecks(int failed) {
        return new RolloutState(phase, canaryWeight, failed, iterations, lastAppliedSpec, lastPromotedSpec, lastTransitionTime, promoted);
    }

    RolloutState withIterations(int passed) {
        return new RolloutState(phase, canaryWeight, failedChecks, passed, lastAppliedSpec, lastPromotedSpec, lastTransitionTime, promoted);
    }

    /** A new analysis on {@code revision}: weight, failed checks and iterations back to zero. */
    RolloutState restartOn(String revision) {
        return new RolloutState(phase, 0, 0, 0, revision, lastPromotedSpec, lastTransitionTime, promoted);
    }

    RolloutState promotedAs(String revision) {
        return new RolloutState(phase, canaryWeight, failedChecks, iterations, lastAppliedSpec, revision, lastTransitionTime, promoted);
    }

    RolloutState withCondition(Promoted condition) {
        return new RolloutState(phase, canaryWeight, failedChecks, iterations, lastAppliedSpec, lastPromotedSpec, lastTransitionTime, condition);
    }
}
