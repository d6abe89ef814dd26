package io.sluice.api.meta;

import io.fabric8.kubernetes.api.model.Condition;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes metav1 conditions in a {@link FluxStatus}.
 *
 * <p>Setting a condition replaces the one of the same type in place (new types are appended), stamps the
 * object's generation on it, and keeps {@code lastTransitionTime} unless the status changed, as the
 * Kubernetes API conventions define it ("the last time the condition transitioned from one status to
 * another"). Reason and message may change without moving the transition time, so "Ready since" stays
 * meaningful while a long reconciliation reports progress.
 *
 * <p>{@code status.observedGeneration} is left alone: as in Flux, a reconciler sets it once it has finished
 * with a generation, not each time it reports progress on it.
 */
public final class Conditions {

    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    private static final Set<String> STATUSES = Set.of(TRUE, FALSE, UNKNOWN);

    private Conditions() {
    }

    /** The condition of this type, if present. */
    public static Optional<Condition> get(FluxStatus status, String type) {
        Objects.requireNonNull(status, "status");
        List<Condition> conditions = status.getConditions();
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static boolean isTrue(FluxStatus status, String type) {
        return get(status, type).map(c -> TRUE.equals(c.getStatus())).orElse(false);
    }

    public static boolean isFalse(FluxStatus status, String type) {
        return get(status, type).map(c -> FALSE.equals(c.getStatus())).orElse(false);
    }

    /** True when the Ready condition is True and describes the given generation (not an older spec). */
    public static boolean isReadyFor(FluxStatus status, long generation) {
        return get(status, ConditionTypes.READY)
                .map(c -> TRUE.equals(c.getStatus()) && Objects.equals(c.getObservedGeneration(), generation))
                .orElse(false);
    }

    public static Condition markTrue(FluxStatus status, long generation, String type, String reason, String message, Instant now) {
        return set(status, generation, type, TRUE, reason, message, now);
    }

    public static Condition markFalse(FluxStatus status, long generation, String type, String reason, String message, Instant now) {
        return set(status, generation, type, FALSE, reason, message, now);
    }

    public static Condition markUnknown(FluxStatus status, long generation, String type, String reason, String message, Instant now) {
        return set(status, generation, type, UNKNOWN, reason, message, now);
    }

    /**
     * Sets the condition {@code type} to {@code conditionStatus} with the reason and message, for the object's
     * {@code generation}. Returns the condition now in the list.
     *
     * @throws IllegalArgumentException if the type or reason is blank or the status is not True, False or Unknown
     */
    public static Condition set(FluxStatus status, long generation, String type, String conditionStatus,
                                String reason, String message, Instant now) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(now, "now");
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("condition type is empty; use one of ConditionTypes, e.g. Ready");
        }
        if (!STATUSES.contains(conditionStatus)) {
            throw new IllegalArgumentException("condition " + type + " has status '" + conditionStatus + "'; it must be True, False or Unknown");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("condition " + type + " has no reason; metav1.Condition requires one, use one of Reasons");
        }
        List<Condition> conditions = status.getConditions() == null ? new ArrayList<>() : new ArrayList<>(status.getConditions());

        Condition condition = new Condition();
        condition.setType(type);
        condition.setStatus(conditionStatus);
        condition.setReason(reason);
        condition.setMessage(message == null ? "" : message);
        condition.setObservedGeneration(generation);
        condition.setLastTransitionTime(timestamp(now));

        int index = indexOf(conditions, type);
        if (index < 0) {
            conditions.add(condition);
        } else {
            Condition previous = conditions.get(index);
            if (conditionStatus.equals(previous.getStatus()) && previous.getLastTransitionTime() != null) {
                condition.setLastTransitionTime(previous.getLastTransitionTime());
            }
            conditions.set(index, condition);
        }
        status.setConditions(conditions);
        return condition;
    }

    /** Removes the condition of this type; returns whether there was one. */
    public static boolean delete(FluxStatus status, String type) {
        Objects.requireNonNull(status, "status");
        if (status.getConditions() == null) {
            return false;
        }
        List<Condition> conditions = new ArrayList<>(status.getConditions());
        boolean removed = conditions.removeIf(c -> type.equals(c.getType()));
        status.setConditions(conditions);
        return removed;
    }

    /** RFC 3339 in UTC with whole seconds, as metav1.Time serializes. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static int indexOf(List<Condition> conditions, String type) {
        for (int i = 0; i < conditions.size(); i++) {
            if (type.equals(conditions.get(i).getType())) {
                return i;
            }
        }
        return -1;
    }
}
