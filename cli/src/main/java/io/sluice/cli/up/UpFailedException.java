package io.sluice.cli.up;

/**
 * {@code sluice up} could not bring the pipeline up. The message is written for the person at the terminal:
 * what failed, where, and what to do. Whatever had started is stopped before this reaches them.
 */
public class UpFailedException extends RuntimeException {

    public UpFailedException(String message) {
        super(message);
    }

    public UpFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
