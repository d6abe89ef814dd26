package io.sluice.alert.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.alert.routing.Route;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * alert-service's counters in /q/metrics:
 * <ul>
 *   <li>{@code sluice_alerts_sent_total{provider,type}}: notifications a Provider accepted;</li>
 *   <li>{@code sluice_alerts_failed_total{provider,type}}: notifications that went to the dead-letter topic
 *       instead (retries used up, a permanent error, or the Provider's queue was full);</li>
 *   <li>{@code sluice_alerts_suppressed_total{reason}}: notifications not sent on purpose: {@code duplicate}
 *       (same event within the storm window), {@code rate_limited} (the Provider's rate limit),
 *       {@code no_commit} (a commit-status Provider and an event without a commit revision).</li>
 * </ul>
 * {@code provider} is {@code <namespace>/<name>} of the Provider object, {@code type} its {@code spec.type}.
 */
@ApplicationScoped
public class AlertMetrics {

    public static final String SENT = "sluice.alerts.sent";
    public static final String FAILED = "sluice.alerts.failed";
    public static final String SUPPRESSED = "sluice.alerts.suppressed";

    public static final String DUPLICATE = "duplicate";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String NO_COMMIT = "no_commit";

    private final MeterRegistry registry;

    AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void sent(Route route) {
        registry.counter(SENT, "provider", provider(route), "type", route.type()).increment();
    }

    void failed(Route route) {
        registry.counter(FAILED, "provider", provider(route), "type", route.type()).increment();
    }

    void suppressed(String reason) {
        registry.counter(SUPPRESSED, "reason", reason).increment();
    }

    private static String provider(Route route) {
        return route.provider().namespace() + "/" + route.provider().name();
    }
}
