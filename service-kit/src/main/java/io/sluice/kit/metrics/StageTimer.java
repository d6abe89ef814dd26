package io.sluice.kit.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * How long each service's own stage of the pipeline takes: {@code sluice_stage_duration_seconds{stage}}
 * (receive, fetch, render, apply, …), and the whole chain's push-to-applied latency,
 * {@code sluice_push_to_applied_seconds}: from the moment webhook-gateway received a Git push to the moment
 * apply-service finished applying what it led to. Both are histograms (with buckets) in /q/metrics, so p50/p99
 * can be read by Prometheus or a benchmark.
 */
@ApplicationScoped
public class StageTimer {

    /** Micrometer name; Prometheus shows it as {@code sluice_stage_duration_seconds}. */
    public static final String STAGE_METRIC = "sluice.stage.duration";
    /** Micrometer name; Prometheus shows it as {@code sluice_push_to_applied_seconds}. */
    public static final String PUSH_TO_APPLIED_METRIC = "sluice.push.to.applied";

    private final MeterRegistry registry;
    private final Clock clock;

    @Inject
    StageTimer(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    public StageTimer(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Runs {@code work} and records how long it took as {@code stage}, also when it throws. */
    public <T> T time(String stage, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(stage, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    public void record(String stage, Duration took) {
        Timer.builder(STAGE_METRIC)
                .description("Time a service spent on its own stage of the pipeline")
                .tag("stage", stage)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    /**
     * Records push-to-applied for an apply that a push led to; does nothing for applies that no push started
     * ({@code pushReceivedAt} null: polling, interval, drift correction). Returns what was recorded, or null.
     */
    public Duration pushApplied(Instant pushReceivedAt) {
        if (pushReceivedAt == null) {
            return null;
        }
        Duration latency = Duration.between(pushReceivedAt, clock.instant());
        latency = latency.isNegative() ? Duration.ZERO : latency; // clock skew between hosts
        Timer.builder(PUSH_TO_APPLIED_METRIC)
                .description("Time from a Git push webhook received by webhook-gateway to the apply it led to")
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
        return latency;
    }
}
