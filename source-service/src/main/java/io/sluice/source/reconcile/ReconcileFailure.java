package io.sluice.source.reconcile;

/**
 * A reconciliation that failed in a way the status reports: the condition that says so
 * ({@code FetchFailed}, {@code IncludeUnavailable}, {@code StorageOperationFailed}), Flux's reason, and a message
 * for the person reading {@code kubectl describe}.
 */
final class ReconcileFailure extends Exception {

    private final String condition;
    private final String reason;

    ReconcileFailure(String condition, String reason, String message) {
        super(message);
        this.condition = condition;
        this.reason = reason;
    }

    ReconcileFailure(String condition, String reason, String message, Throwable cause) {
        super(message, cause);
        this.condition = condition;
        this.reason = reason;
    }

    String condition() {
        return condition;
    }

    String reason() {
        return reason;
    }
}
