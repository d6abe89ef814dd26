package io.sluice.rollout.analysis;

/**
 * Flagger's one condition, {@code Promoted}: True once a revision is initialised or promoted, Unknown while an analysis
 * runs, False when it failed or the Canary cannot be acted on.
 *
 * @param status  True, False or Unknown
 * @param reason  the phase (Initialized, Progressing, Succeeded, Failed, ...) or a problem (TargetNotFound, InvalidSpec)
 * @param message what happened, in words
 */
public record Promoted(String status, String reason, String message) {

    public static Promoted holds(String reason, String message) {
        return new Promoted("True", reason, message);
    }

    public static Promoted pending(String reason, String message) {
        return new Promoted("Unknown", reason, message);
    }

    public static Promoted not(String reason, String message) {
        return new Promoted("False", reason, message);
    }
}
