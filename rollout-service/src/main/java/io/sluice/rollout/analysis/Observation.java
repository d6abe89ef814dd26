package io.sluice.rollout.analysis;

/**
 * What the cluster shows at a tick, read by the reconciler before it asks for a decision.
 *
 * @param targetExists   the Deployment named by {@code spec.targetRef} exists
 * @param targetRevision a hash of the target's pod template: a new one is a new revision to analyse
 * @param canaryReady    the target (the canary) has rolled out and its pods are available
 * @param primaryReady   the primary Deployment has rolled out and its pods are available
 */
public record Observation(boolean targetExists, String targetRevision, boolean canaryReady, boolean primaryReady) {

    /** The target Deployment is missing. */
    public static Observation targetMissing() {
        return new Observation(false, null, false, false);
    }
}
