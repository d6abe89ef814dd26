package io.sluice.source.helm;

/**
 * A chart that cannot be read, found, downloaded or packaged, with a message for the person reading the HelmChart's
 * status: what is wrong, where, and what to do. The reconciler decides the condition reason from the step that failed.
 */
public class ChartException extends Exception {

    public ChartException(String message) {
        super(message);
    }

    public ChartException(String message, Throwable cause) {
        super(message, cause);
    }
}
