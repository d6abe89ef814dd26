package io.sluice.alert.filter;

/** An Alert whose spec cannot be used as written (a bad regex, an unknown severity, a source without kind). */
public final class InvalidAlertException extends RuntimeException {

    public InvalidAlertException(String message) {
        super(message);
    }

    public InvalidAlertException(String message, Throwable cause) {
        super(message, cause);
    }
}
