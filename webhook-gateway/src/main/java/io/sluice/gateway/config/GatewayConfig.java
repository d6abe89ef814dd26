package io.sluice.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * webhook-gateway's own settings ({@code sluice.gateway.*} in application.properties; docs/webhook-gateway.md
 * lists them). Durations take Quarkus' forms: {@code 10s}, {@code 1m}, {@code 1h}, {@code 250ms} or ISO-8601
 * {@code PT10S}. A value that does not convert stops start-up naming the key.
 */
@ConfigMapping(prefix = "sluice.gateway")
public interface GatewayConfig {

    /**
     * {@code sluice.gateway.max-body-size}: the largest webhook body accepted, in bytes; a larger one is answered 413
     * without being read further. Must be positive.
     */
    @WithDefault("1048576")
    int maxBodySize();

    /** {@code sluice.gateway.publish-timeout}: how long a webhook waits for Kafka's acknowledgements before answering 503. */
    @WithDefault("10s")
    Duration publishTimeout();

    /** Which Receivers are served and how often they are read again. */
    Receivers receivers();

    /** Redelivery detection. */
    Dedupe dedupe();

    /** Limits on slow and greedy clients. */
    Connections connections();

    interface Receivers {
        /**
         * {@code sluice.gateway.receivers.namespace}: serve only the Receivers of this namespace; unset (or blank) serves
         * all namespaces, which needs cluster-wide list/watch on receivers.
         */
        Optional<String> namespace();

        /**
         * {@code sluice.gateway.receivers.resync}: every Receiver is reconciled again, and its Secret re-read, this
         * often; how a created or rotated Secret takes effect.
         */
        @WithDefault("1m")
        Duration resync();

        /** {@code sluice.gateway.receivers.sync-timeout}: how long start-up waits for the first list of Receivers before opening the port anyway. */
        @WithDefault("10s")
        Duration syncTimeout();
    }

    interface Dedupe {
        /** {@code sluice.gateway.dedupe.max-entries}: accepted delivery ids remembered per replica; the oldest is forgotten first. */
        @WithDefault("10000")
        int maxEntries();

        /** {@code sluice.gateway.dedupe.ttl}: how long an accepted delivery id is remembered. */
        @WithDefault("1h")
        Duration ttl();
    }

    interface Connections {
        /**
         * {@code sluice.gateway.connections.body-timeout}: a request's body must have arrived within this time after
         * its headers; otherwise it is answered 408 and its connection closed. Covers clients that stall after the
         * headers and clients that trickle the body to keep the connection from going idle. Must be positive.
         */
        @WithDefault("10s")
        Duration bodyTimeout();

        /**
         * {@code sluice.gateway.connections.max-per-address}: requests in progress at once from one client address,
         * each holding its connection; one more is answered 429 and its connection closed. Behind a proxy or an
         * ingress every request comes from the proxy's address unless {@code quarkus.http.proxy.proxy-address-forwarding}
         * is on: raise the limit, or turn forwarding on, there. At least 1.
         */
        @WithDefault("32")
        int maxPerAddress();
    }
}
