package io.sluice.rollout.analysis;

import io.sluice.api.flagger.CanaryCondition;
import io.sluice.api.flagger.CanaryStatus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Canary's status into a {@link RolloutState} and writes one back the way Flagger does: the Promoted condition
 * keeps its {@code lastTransitionTime} while its status stays the same and moves {@code lastUpdateTime} at each change.
 */
public final class CanaryStatuses {

    public static final String PROMOTED = "Promoted";

    private CanaryStatuses() {
    }

    public static RolloutState read(CanaryStatus status) {
        if (status == null) {
            return RolloutState.initial();
        }
        CanaryCondition promoted = promotedCondition(status);
        return new RolloutState(CanaryPhase.parse(status.getPhase()).orElse(null), orZero(status.getCanaryWeight()),
                orZero(status.getFailedChecks()), orZero(status.getIterations()), status.getLastAppliedSpec(),
                status.getLastPromotedSpec(), status.getLastTransitionTime() == null ? null : Instant.parse(status.getLastTransitionTime()),
                promoted == null ? null : new Promoted(promoted.getStatus(), promoted.getReason(), promoted.getMessage()));
    }

    /** Writes {@code state} into {@code status} (unmodelled fields of the status stay as they are). */
    public static void write(RolloutState state, CanaryStatus status, Instant now) {
        status.setPhase(state.phase() == null ? null : state.phase().value());
        status.setCanaryWeight(state.canaryWeight());
        status.setFailedChecks(state.failedChecks());
        status.setIterations(state.iterations());
        status.setLastAppliedSpec(state.lastAppliedSpec());
        status.setLastPromotedSpec(state.lastPromotedSpec());
        status.setLastTransitionTime(state.lastTransitionTime() == null ? null : time(state.lastTransitionTime()));
        if (state.promoted() != null) {
            writeCondition(status, state.promoted(), now);
        }
    }

    private static void writeCondition(CanaryStatus status, Promoted promoted, Instant now) {
        List<CanaryCondition> conditions = status.getConditions() == null ? new ArrayList<>() : new ArrayList<>(status.getConditions());
        CanaryCondition condition = promotedCondition(status);
        if (condition == null) {
            condition = new CanaryCondition();
            condition.setType(PROMOTED);
            conditions.add(condition);
        }
        boolean changed = !promoted.status().equals(condition.getStatus()) || !promoted.reason().equals(condition.getReason())
                || !promoted.message().equals(condition.getMessage());
        if (!promoted.status().equals(condition.getStatus()) || condition.getLastTransitionTime() == null) {
            condition.setLastTransitionTime(time(now));
        }
        if (changed || condition.getLastUpdateTime() == null) {
            condition.setLastUpdateTime(time(now));
        }
        condition.setStatus(promoted.status());
        condition.setReason(promoted.reason());
        condition.setMessage(promoted.message());
        status.setConditions(conditions);
    }

    private static CanaryCondition promotedCondition(CanaryStatus status) {
        if (status.getConditions() == null) {
            return null;
        }
        return status.getConditions().stream().filter(c -> PROMOTED.equals(c.getType())).findFirst().orElse(null);
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
