package io.sluice.kit.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageTimerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StageTimer timer = new StageTimer(registry, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void recordsAStagePerTag() {
        timer.record("render", Duration.ofMillis(40));
        timer.record("render", Duration.ofMillis(60));
        timer.record("apply", Duration.ofMillis(5));

        Timer render = registry.get(StageTimer.STAGE_METRIC).tag("stage", "render").timer();
        assertThat(render.count()).isEqualTo(2);
        assertThat(render.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(100.0);
        assertThat(registry.get(StageTimer.STAGE_METRIC).tag("stage", "apply").timer().count()).isEqualTo(1);
    }

    @Test
    void timesWorkEvenWhenItFails() {
        assertThat(timer.time("fetch", () -> "done")).isEqualTo("done");
        assertThatThrownBy(() -> timer.time("fetch", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(registry.get(StageTimer.STAGE_METRIC).tag("stage", "fetch").timer().count()).isEqualTo(2);
    }

    @Test
    void pushToAppliedIsMeasuredFromTheWebhookOnlyForPushes() {
        assertThat(timer.pushApplied(null)).isNull();
        assertThat(registry.find(StageTimer.PUSH_TO_APPLIED_METRIC).timer()).isNull();

        assertThat(timer.pushApplied(NOW.minusMillis(750))).isEqualTo(Duration.ofMillis(750));
        assertThat(timer.pushApplied(NOW.plusSeconds(2))).as("clock skew is not a negative latency").isEqualTo(Duration.ZERO);
        Timer latency = registry.get(StageTimer.PUSH_TO_APPLIED_METRIC).timer();
        assertThat(latency.count()).isEqualTo(2);
        assertThat(latency.max(TimeUnit.MILLISECONDS)).isEqualTo(750.0);
    }
}
