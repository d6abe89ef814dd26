package io.sluice.kustomize;

/** A build failure: the message says what was wrong and where (file, field, object). */
public class KustomizeException extends RuntimeException {
    public KustomizeException(String message) {
        super(message);
    }

    public KustomizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
