package io.sluice.source.reconcile;

import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Reasons;
import io.sluice.git.GitFetchException;

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

    /**
     * A fetch that failed, as Flux's source-controller reports a failed checkout: FetchFailed, the reason for its
     * kind ({@link #reason}), and "failed to checkout and determine revision: " before what the fetcher says.
     */
    static ReconcileFailure checkoutFailed(GitFetchException e) {
        return new ReconcileFailure(ConditionTypes.FETCH_FAILED, reason(e.kind()),
                "failed to checkout and determine revision: " + e.getMessage(), e);
    }

    /**
     * The condition reason of each kind of fetch failure, as Flux writes it. A new kind does not compile until
     * someone decides here how it is reported.
     */
    static String reason(GitFetchException.Failure kind) {
        return switch (kind) {
            // Flux: a spec.url it cannot parse.
            case INVALID_URL -> Reasons.URL_INVALID;
            // Flux reports every failed checkout as GitOperationFailed, credentials or host keys the server side
            // rejected included; its AuthenticationFailed is for a Secret it cannot read.
            case AUTHENTICATION, HOST_KEY_REJECTED, UNKNOWN_HOST, CONNECTION, REF_NOT_FOUND, NO_SEMVER_MATCH, TIMEOUT,
                 INVALID_REF, OTHER -> Reasons.GIT_OPERATION_FAILED;
        };
    }

    String condition() {
        return condition;
    }

    String reason() {
        return reason;
    }
}
