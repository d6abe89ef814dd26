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

    /** No alert storms. */
    Storm storm();

    /** Retries, queues and dead letters. */
    Delivery delivery();

    /** How long alert-service waits at start-up for its first view of Alerts and Providers before it reads events. */
    @WithDefault("30s")
    Duration syncTimeout();

    /**
     * How often the Secrets that Providers name are read again (GET: alert-service may not list or watch
     * Secrets), so a created or rotated Secret takes effect within this time.
     */
    @WithDefault("30s")
    Duration secretRefresh();

    interface Storm {
        /** The same event (object, reason, normalized message, revision) goes to a Provider once per window. */
        @WithDefault("5m")
        Duration window();

        /** At most this many notifications per Provider per {@link #ratePeriod()}. */
        @WithDefault("10")
        int rate();

        @WithDefault("1m")
        Duration ratePeriod();
    }

    interface Delivery {
        /** Attempts per notification, the first included; then the event goes to sluice.events.dlq. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait after the first failed attempt; doubled after each further failure. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** The longest wait between attempts. */
        @WithDefault("30s")
        Duration maxBackoff();

        /** Notifications waiting per Provider; when full, new ones go to the dead-letter topic at once. */
        @WithDefault("100")
        int queueCapacity();
    }
}
