package io.sluice.alert.provider;

/**
 * A notification could not be delivered. {@link #retryable()} says whether trying again later can
 * help: timeouts, connection failures, 5xx and 429 can; other 4xx (bad address, bad token, bad
 * payload) and configuration errors cannot. Messages never contain secrets (webhook URLs carry
 * tokens in their path, so only scheme and host are named).
 */
public final class DeliveryException extends Exception {

    private final boolean retryable;
    private final int status;

    public DeliveryException(String message, boolean retryable, int status, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.status = status;
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, false, 0, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The HTTP status the receiver answered; 0 when there was no answer (timeout, refused, SMTP). */
    public int status() {
        return status;
    }
}
