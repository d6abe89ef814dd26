package io.sluice.alert.dedupe;

import io.sluice.alert.dedupe.StormGuard.Decision;
import io.sluice.alert.provider.Notification;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StormGuardTest {

    static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
    static final String SLACK = "Provider/flux-system/slack";
    static final String MAIL = "Provider/flux-system/mail";

    private final MutableClock clock = new MutableClock(T0);
    private final StormGuard guard = new StormGuard(clock, StormGuard.Settings.DEFAULTS);

    static Notification event(String name, Severity severity, String reason, String message, String revision) {
        return new Notification(ObjectKey.of("Kustomization", "flux-system", name), severity, reason, message, revision,
                Map.of(), null, null, T0, "apply-service");
    }

    static Notification failure(String message) {
        return event("podinfo", Severity.ERROR, "HealthCheckFailed", message, "main@sha1:" + "a".repeat(40));
    }

    @Test
    void sameEventWithinWindowIsSentOnceEvenWhenDurationsDiffer() {
        assertThat(guard.admit(SLACK, failure("timeout after 5m0.1s"))).isInstanceOf(Decision.Send.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(guard.admit(SLACK, failure("timeout after 5m0.3s"))).isEqualTo(new Decision.Duplicate(T0));
        clock.advance(Duration.ofMinutes(3));
        assertThat(guard.admit(SLACK, failure("timeout after 5m2s"))).isInstanceOf(Decision.Duplicate.class);
    }

    @Test
    void afterTheWindowItIsSentAgainAsAReminder() {
        assertThat(guard.admit(SLACK, failure("boom"))).isInstanceOf(Decision.Send.class);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(guard.admit(SLACK, failure("boom"))).isInstanceOf(Decision.Send.class);
        assertThat(guard.remembered()).isEqualTo(1);
    }

    @Test
    void differentRevisionReasonMessageObjectOrProviderIsANewEvent() {
        assertThat(guard.admit(SLACK, failure("boom"))).isInstanceOf(Decision.Send.class);
        assertThat(guard.admit(SLACK, event("podinfo", Severity.ERROR, "HealthCheckFailed", "boom", "main@sha1:" + "b".repeat(40))))
                .isInstanceOf(Decision.Send.class);
        assertThat(guard.admit(SLACK, event("podinfo", Severity.ERROR, "BuildFailed", "boom", "main@sha1:" + "a".repeat(40))))
                .isInstanceOf(Decision.Send.class);
        assertThat(guard.admit(SLACK, failure("bang"))).isInstanceOf(Decision.Send.class);
        assertThat(guard.admit(SLACK, event("other", Severity.ERROR, "HealthCheckFailed", "boom", "main@sha1:" + "a".repeat(40))))
                .isInstanceOf(Decision.Send.class);
        assertThat(guard.admit(MAIL, failure("boom"))).isInstanceOf(Decision.Send.class);
    }

    @Test
    void rateLimitPerProviderRefillsOverTime() {
        for (int i = 0; i < 10; i++) {
            assertThat(guard.admit(SLACK, failure("event " + i))).as("event %d", i).isInstanceOf(Decision.Send.class);
        }
        assertThat(guard.admit(SLACK, failure("event 10"))).isEqualTo(new Decision.RateLimited(SLACK));
        // another provider has its own bucket
        assertThat(guard.admit(MAIL, failure("event 10"))).isInstanceOf(Decision.Send.class);
        // 10 per minute: one token every 6 s
        clock.advance(Duration.ofSeconds(5));
        assertThat(guard.admit(SLACK, failure("event 10"))).isInstanceOf(Decision.RateLimited.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(guard.admit(SLACK, failure("event 10"))).as("not remembered while limited").isInstanceOf(Decision.Send.class);
        assertThat(guard.admit(SLACK, failure("event 11"))).isInstanceOf(Decision.RateLimited.class);
        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 10; i++) {
            assertThat(guard.admit(SLACK, failure("later " + i))).as("bucket holds at most 10").isInstanceOf(Decision.Send.class);
        }
        assertThat(guard.admit(SLACK, failure("later 10"))).isInstanceOf(Decision.RateLimited.class);
    }

    @Test
    void configurableWindowAndRate() {
        StormGuard tight = new StormGuard(clock, new StormGuard.Settings(Duration.ofSeconds(30), 2, Duration.ofSeconds(10)));
        assertThat(tight.admit(SLACK, failure("a"))).isInstanceOf(Decision.Send.class);
        assertThat(tight.admit(SLACK, failure("b"))).isInstanceOf(Decision.Send.class);
        assertThat(tight.admit(SLACK, failure("c"))).isInstanceOf(Decision.RateLimited.class);
        clock.advance(Duration.ofSeconds(31));
        assertThat(tight.admit(SLACK, failure("a"))).isInstanceOf(Decision.Send.class);
        assertThat(tight.remembered()).isEqualTo(1);
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> new StormGuard.Settings(Duration.ofSeconds(-1), 10, Duration.ofMinutes(1)))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new StormGuard.Settings(Duration.ofMinutes(5), 0, Duration.ofMinutes(1)))
                .hasMessageContaining("rate");
        assertThatThrownBy(() -> new StormGuard.Settings(Duration.ofMinutes(5), 10, Duration.ZERO))
                .hasMessageContaining("period");
    }
}
