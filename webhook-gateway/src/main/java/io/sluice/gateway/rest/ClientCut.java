package io.sluice.gateway.rest;

/**
 * Why the gateway cut a client off before its request reached a Receiver, as the HTTP status it answers and the
 * {@code reason} tag of {@code sluice_webhook_clients_cut_total}. The connection is closed after the answer.
 */
public enum ClientCut {
    /** The client address already has {@code sluice.gateway.connections.max-per-address} requests in progress. */
    TOO_MANY_REQUESTS(429, "too_many_requests"),
    /** The body did not arrive within {@code sluice.gateway.connections.body-timeout} of the headers. */
    BODY_TIMEOUT(408, "body_timeout");

    private final int status;
    private final String tag;

    ClientCut(int status, String tag) {
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
