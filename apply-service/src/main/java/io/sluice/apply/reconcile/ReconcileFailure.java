package io.sluice.apply.reconcile;

import io.sluice.apply.ssa.ApplyException;
import io.sluice.apply.ssa.Inventory;

import java.util.Optional;

/**
 * Why a run failed, as the Ready=False condition and the error event report it: Flux's reason, the message (what
 * was refused, where, the server's words), and the inventory to record (empty: the last one stays). Each step of a
 * run throws it ({@link KustomizationApplyHandler}); the run catches it once and writes the status.
 */
final class ReconcileFailure extends RuntimeException {

    private final String reason;
    private final transient Inventory inventory;

    /** @param inventory the inventory the objects written so far make; null keeps the last one */
    ReconcileFailure(String reason, String message, Inventory inventory) {
        super(message == null || message.isBlank() ? reason + " (no details given)" : message);
        this.reason = reason;
        this.inventory = inventory;
    }

    /** The cluster refused part of the apply: its phase decides the reason ({@link FailureReasons}). */
    static ReconcileFailure of(ApplyException e) {
        return new ReconcileFailure(FailureReasons.of(e.phase()), e.getMessage(), e.inventory().orElse(null));
    }

    String reason() {
        return reason;
    }

    Optional<Inventory> inventory() {
        return Optional.ofNullable(inventory);
    }
}
