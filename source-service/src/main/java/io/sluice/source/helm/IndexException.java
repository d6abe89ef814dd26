package io.sluice.source.helm;

/** A repository index that cannot be read: not YAML or JSON, no {@code apiVersion}, {@code entries} of the wrong shape. */
public final class IndexException extends Exception {

    public IndexException(String message) {
        super(message);
    }

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
