package io.sluice.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * alert-service's own settings ({@code sluice.alerts.*} in application.properties; docs/alert-service.md
 * lists them). Durations take Quarkus' forms: {@code 5m}, {@code 30s}, {@code 250ms} or ISO-8601 {@code PT5M}.
 */
@ConfigMapping(prefix = "sluice.alerts")
public interface AlertConfig {

    /** No alert storms: one notification per event and window, a rate per Provider. */
    Storm storm();

    /** Retries, queues and dead letters. */
    Delivery delivery();

    /**
     * {@code sluice.alerts.sync-timeout}: how long alert-service waits at start-up for its first view of Alerts and
     * Providers before it reads events.
     */
    @WithDefault("30s")
    Duration syncTimeout();

    /**
     * {@code sluice.alerts.secret-refresh}: how often the Secrets that Providers name are read again (GET:
     * alert-service may not list or watch Secrets), so a created or rotated Secret takes effect within this time.
     */
    @WithDefault("30s")
    Duration secretRefresh();

    interface Storm {
        /**
         * {@code sluice.alerts.storm.window}: the same event (object, reason, normalized message, revision) goes to a
         * Provider once per window.
         */
        @WithDefault("5m")
        Duration window();

        /** {@code sluice.alerts.storm.rate}: at most this many notifications per Provider per {@link #ratePeriod()}. */
        @WithDefault("10")
        int rate();

        /** {@code sluice.alerts.storm.rate-period}: the period {@link #rate()} counts over. */
        @WithDefault("1m")
        Duration ratePeriod();
    }

    interface Delivery {
        /**
         * {@code sluice.alerts.delivery.max-attempts}: attempts per notification, the first included; then the event
         * goes to sluice.events.dlq.
         */
        @WithDefault("5")
        int maxAttempts();

        /** {@code sluice.alerts.delivery.initial-backoff}: wait after the first failed attempt; doubled after each further failure. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** {@code sluice.alerts.delivery.max-backoff}: the longest wait between attempts. */
        @WithDefault("30s")
        Duration maxBackoff();

        /**
         * {@code sluice.alerts.delivery.queue-capacity}: notifications waiting per Provider; when full, new ones go to
         * the dead-letter topic at once.
         */
        @WithDefault("100")
        int queueCapacity();
    }
}
