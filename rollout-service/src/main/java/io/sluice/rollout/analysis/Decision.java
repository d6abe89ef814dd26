package io.sluice.rollout.analysis;

import java.util.List;

/** The outcome of one analysis step: the status to write and what to do to the cluster, in order. */
public record Decision(RolloutState next, List<RolloutAction> actions) {

    public Decision {
        actions = List.copyOf(actions);
    }

    static Decision unchanged(RolloutState state) {
        return new Decision(state, List.of());
    }
}
