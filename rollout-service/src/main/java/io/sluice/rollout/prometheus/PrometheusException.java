package io.sluice.rollout.prometheus;

/** Prometheus could not be asked, or refused the query; the message names the address and says why. */
public class PrometheusException extends Exception {

    private final String reason;

    public PrometheusException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PrometheusException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** A condition reason: {@code PrometheusUnreachable} or {@code QueryRejected}. */
    public String reason() {
        return reason;
    }
}
