package io.sluice.apply.ssa;

import java.util.List;

/**
 * An apply that stopped. {@link #phase()} says where: in {@link Phase#VALIDATION} nothing of the
 * revision was written (apart from the definitions stage when the failing object needed a CRD or
 * Namespace of the same revision; see docs/apply-service.md); in {@link Phase#APPLY} and
 * {@link Phase#WAIT} the objects in {@link #changeSet()} were already written.
 */
public final class ApplyException extends RuntimeException {

    /** Where the apply stopped. */
    public enum Phase { VALIDATION, APPLY, WAIT }

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

    public ApplyException(Phase phase, List<Failure> failures, ChangeSet changeSet) {
        super(message(phase, failures));
        this.phase = phase;
        this.failures = List.copyOf(failures);
        this.changeSet = changeSet;
    }

    private static String message(Phase phase, List<Failure> failures) {
        String what = switch (phase) {
            case VALIDATION -> "server-side dry run failed, nothing applied";
            case APPLY -> "apply failed";
            case WAIT -> "timed out waiting for definitions";
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

    /** What had been written before the failure (empty after a validation failure). */
    public ChangeSet changeSet() {
        return changeSet;
    }
}
