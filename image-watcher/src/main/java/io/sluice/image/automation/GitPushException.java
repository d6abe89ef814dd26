package io.sluice.image.automation;

/**
 * Checking out, committing or pushing failed; the message says what, where and what to do, never a credential.
 * {@code reason} is Flux's: GitOperationFailed, or UpdateFailed for a file the Setters could not update.
 */
public final class GitPushException extends Exception {

    private final String reason;

    public GitPushException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
