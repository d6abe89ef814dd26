package io.sluice.rollout.analysis;

import java.util.Optional;

/** Flagger's phases of a Canary, written to {@code status.phase} as Flagger spells them. */
public enum CanaryPhase {
    INITIALIZING("Initializing"),
    INITIALIZED("Initialized"),
    WAITING("Waiting"),
    PROGRESSING("Progressing"),
    WAITING_PROMOTION("WaitingPromotion"),
    PROMOTING("Promoting"),
    FINALISING("Finalising"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    TERMINATING("Terminating"),
    TERMINATED("Terminated");

    private final String value;

    CanaryPhase(String value) {
        this.value = value;
    }

    /** The value in {@code status.phase}. */
    public String value() {
        return value;
    }

    /** The phase written in a status; empty for a Canary never reconciled (no or an unknown phase). */
    public static Optional<CanaryPhase> parse(String value) {
        for (CanaryPhase phase : values()) {
            if (phase.value.equals(value)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }

    /** Phases in which an analysis runs: traffic may be on the canary. */
    public boolean analysing() {
        return this == PROGRESSING || this == WAITING || this == WAITING_PROMOTION;
    }
}
