package io.sluice.rollout.analysis;

import java.util.Set;

/**
 * Flagger's one condition, {@code Promoted}: True once a revision is initialised or promoted, Unknown while an analysis
 * runs, False when it failed or the Canary cannot be acted on.
 *
 * @param status  True, False or Unknown
 * @param reason  the phase (Initialized, Progressing, Succeeded, Failed, ...) or a problem (TargetNotFound, InvalidSpec)
 * @param message what happened, in words
 */
public record Promoted(String status, String reason, String message) {

    /** Reasons of problems that stop a tick without an analysis outcome. */
    public static final Set<String> PROBLEMS = Set.of("TargetNotFound", "InvalidSpec", "ApplyFailed");

    public static Promoted holds(String reason, String message) {
        return new Promoted("True", reason, message);
    }

    public static Promoted pending(String reason, String message) {
        return new Promoted("Unknown", reason, message);
    }

    public static Promoted not(String reason, String message) {
        return new Promoted("False", reason, message);
    }

    /**
     * The condition a phase has when nothing is wrong: True once initialised or promoted, False after a failed analysis,
     * Unknown in between. Used to clear a problem (TargetNotFound, InvalidSpec, ApplyFailed) once it is gone.
     */
    public static Promoted forPhase(CanaryPhase phase) {
        if (phase == null) {
            return pending(CanaryPhase.INITIALIZING.value(), "Initializing");
        }
        return switch (phase) {
            case INITIALIZED, SUCCEEDED -> holds(phase.value(), "Canary " + phase.value().toLowerCase() + ", no problem left");
            case FAILED -> not(phase.value(), "Canary analysis failed");
            default -> pending(phase.value(), "Canary " + phase.value().toLowerCase() + ", no problem left");
        };
    }

    /** Whether this condition reports a problem with the Canary or the cluster rather than an analysis outcome. */
    public boolean isProblem() {
        return PROBLEMS.contains(reason);
    }
}
