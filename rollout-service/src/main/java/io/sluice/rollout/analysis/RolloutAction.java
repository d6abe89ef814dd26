package io.sluice.rollout.analysis;

import io.sluice.api.events.Severity;

/** What the reconciler must do to the cluster (or tell people) after a decision, in order. */
public sealed interface RolloutAction {

    /** Clone the target into {@code <name>-primary} (its pod template, selector label rewritten) and create the Services and the HTTPRoute. */
    record InitializePrimary() implements RolloutAction {
    }

    /** Copy the target's pod template to the primary: the canary's revision becomes the stable one. */
    record PromoteToPrimary() implements RolloutAction {
    }

    /** Scale the target (the canary) up to run the new revision. */
    record ScaleCanaryUp() implements RolloutAction {
    }

    /** Scale the target (the canary) to zero: all traffic is on the primary. */
    record ScaleCanaryToZero() implements RolloutAction {
    }

    /** Write the HTTPRoute's backend weights; they add up to 100. */
    record RouteTraffic(int primaryWeight, int canaryWeight) implements RolloutAction {
    }

    /** Tell people: an ObjectEvent about the Canary (alert-service forwards it). */
    record Announce(Severity severity, String reason, String message) implements RolloutAction {
    }
}
