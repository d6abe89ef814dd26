package io.sluice.gateway.rest;

/**
 * What the gateway answered, as an HTTP status and the {@code result} tag of
 * {@code sluice_webhook_requests_total}.
 */
public enum WebhookOutcome {
    /** Verified and published (Flux answers 200; 202 says the work goes on in Kafka, and hosts accept any 2xx). */
    ACCEPTED(202, "accepted"),
    /** A delivery id already accepted: nothing published again. */
    DUPLICATE(202, "duplicate"),
    /** GitHub {@code ping}, Bitbucket Server {@code diagnostics:ping}. */
    PING(200, "ping"),
    /** The event type is not in {@code spec.events}. */
    IGNORED(200, "ignored"),
    NOT_FOUND(404, "not_found"),
    UNAUTHORIZED(401, "unauthorized"),
    TOO_LARGE(413, "too_large"),
    BAD_REQUEST(400, "bad_request"),
    /** Suspended Receiver, or Kafka refused or timed out: the sender may retry. */
    UNAVAILABLE(503, "unavailable"),
    /** spec.resources could not be resolved against the cluster. */
    ERROR(500, "error"),
    /**
     * Cut off before reaching a Receiver ({@link SlowClientGuard}): the client address already has
     * {@code sluice.gateway.connections.max-per-address} requests in progress. The connection is closed.
     */
    TOO_MANY_REQUESTS(429, "too_many_requests"),
    /**
     * Cut off before reaching a Receiver ({@link SlowClientGuard}): the body had not arrived
     * {@code sluice.gateway.connections.body-timeout} after the headers. The connection is closed.
     */
    BODY_TIMEOUT(408, "body_timeout");

    private final int status;
    private final String tag;

    WebhookOutcome(int status, String tag) {
        this.status = status;
        this.tag = tag;
    }

    public int status() {
        return status;
    }

    public String tag() {
        return tag;
    }
}
