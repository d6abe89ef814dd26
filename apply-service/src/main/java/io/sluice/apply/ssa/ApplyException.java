package io.sluice.apply.ssa;

import java.util.List;
import java.util.Optional;

/**
 * An apply that stopped. {@link #phase()} says where: in {@link Phase#VALIDATION} nothing of the
 * revision was written (apart from the definitions stage when the failing object needed a CRD or
 * Namespace of the same revision; see docs/apply-service.md); in {@link Phase#APPLY} and
 * {@link Phase#WAIT} the objects in {@link #changeSet()} were already written; in {@link Phase#PRUNE} every
 * object was applied and some of those that left Git could not be deleted ({@link #inventory()} still lists them,
 * so the next run tries again).
 */
public final class ApplyException extends RuntimeException {

    /** Where the apply stopped; each has its own condition reason (apply-service's {@code FailureReasons}). */
    public enum Phase {
        /** The server-side dry run refused an object: nothing of the revision was written. */
        VALIDATION,
        /** A write was refused. */
        APPLY,
        /** The definitions stage (CRDs, Namespaces) did not become ready in time. */
        WAIT,
        /** Objects that left Git could not be deleted. */
        PRUNE
    }

    /** One object the server refused, with the server's own words. */
    public record Failure(ObjectRef object, String message) {
        @Override
        public String toString() {
            return object.objectName() + ": " + message;
        }
    }

    private final Phase phase;
    private final List<Failure> failures;
    private final ChangeSet changeSet;
    private final Inventory inventory;

    /** A failure that leaves the last inventory as it is. */
    public ApplyException(Phase phase, List<Failure> failures, ChangeSet changeSet) {
        this(phase, failures, changeSet, null);
    }

    /** @param inventory the inventory to record now; null keeps the last one */
    public ApplyException(Phase phase, List<Failure> failures, ChangeSet changeSet, Inventory inventory) {
        super(message(phase, failures));
        this.phase = phase;
        this.failures = List.copyOf(failures);
        this.changeSet = changeSet;
        this.inventory = inventory;
    }

    private static String message(Phase phase, List<Failure> failures) {
        String what = switch (phase) {
            case VALIDATION -> "server-side dry run failed, nothing applied";
            case APPLY -> "apply failed";
            case WAIT -> "timed out waiting for definitions";
            case PRUNE -> "prune failed";
        };
        StringBuilder text = new StringBuilder(what).append(" (").append(failures.size())
                .append(failures.size() == 1 ? " object" : " objects").append("): ");
        for (int i = 0; i < failures.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(failures.get(i));
        }
        return text.toString();
    }

    public Phase phase() {
        return phase;
    }

    public List<Failure> failures() {
        return failures;
    }

    /** What had been written (and deleted) before the failure (empty after a validation failure). */
    public ChangeSet changeSet() {
        return changeSet;
    }

    /**
     * The inventory to record for this failure: after a prune failure, the objects applied and those that could not
     * be deleted; empty when the last inventory stays (Flux keeps it when the apply itself failed).
     */
    public Optional<Inventory> inventory() {
        return Optional.ofNullable(inventory);
    }
}
