package io.sluice.alert.provider;

import io.sluice.alert.provider.RetryingDelivery.Outcome;
import io.sluice.api.events.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.sluice.alert.provider.Fixtures.notification;
import static io.sluice.alert.provider.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingDeliveryTest {

    private static final String PROVIDER = "Provider/flux-system/team";

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> deadLetters = new ArrayList<>();
    private final RetryingDelivery delivery = new RetryingDelivery(Backoff.DEFAULTS, sleeps::add,
            (provider, n, error, attempts) -> deadLetters.add(provider + " " + attempts + " " + error.getMessage()));

    private static DeliveryException retryable(int status) {
        return new DeliveryException("HTTP " + status, true, status, null);
    }

    @Test
    void retriesWithExponentialBackoffThenSucceeds() {
        List<DeliveryException> failures = new ArrayList<>(List.of(retryable(500), retryable(503)));
        Outcome outcome = delivery.deliver(PROVIDER, n -> {
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
        }, notification(Severity.ERROR));
        assertThat(outcome).isEqualTo(new Outcome.Delivered(3));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void givesUpAfterMaxAttemptsAndDeadLettersWithTheLastError() {
        Outcome outcome = delivery.deliver(PROVIDER, n -> {
            throw retryable(502);
        }, notification(Severity.ERROR));
        assertThat(outcome).isInstanceOfSatisfying(Outcome.DeadLettered.class, d -> {
            assertThat(d.attempts()).isEqualTo(5);
            assertThat(d.lastError().status()).isEqualTo(502);
        });
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(deadLetters).containsExactly(PROVIDER + " 5 HTTP 502");
    }

    @Test
    void nonRetryableGoesStraightToDeadLetters() {
        Outcome outcome = delivery.deliver(PROVIDER, n -> {
            throw new DeliveryException("HTTP 400", false, 400, null);
        }, notification(Severity.INFO));
        assertThat(outcome).isInstanceOf(Outcome.DeadLettered.class);
        assertThat(sleeps).isEmpty();
        assertThat(deadLetters).containsExactly(PROVIDER + " 1 HTTP 400");
    }

    @Test
    void worksWithARealProviderAgainstAFailingServer() throws Exception {
        try (CapturingServer server = new CapturingServer()) {
            server.answer(500, "down");
            NotificationProvider generic = NotificationProviders.create(provider("generic", server.url("/hook"), null, null, "2s"), ProviderSecret.NONE);
            Outcome outcome = new RetryingDelivery(new Backoff(3, Duration.ZERO, Duration.ZERO, 1.0), sleeps::add,
                    (p, n, e, a) -> deadLetters.add(p + " " + a)).deliver(PROVIDER, generic::send, notification(Severity.INFO));
            assertThat(outcome).isInstanceOf(Outcome.DeadLettered.class);
            assertThat(server.requests).hasSize(3);
            assertThat(deadLetters).containsExactly(PROVIDER + " 3");
        }
    }

    @Test
    void backoffIsCappedAndValidated() {
        Backoff backoff = new Backoff(10, Duration.ofMillis(500), Duration.ofSeconds(3), 3.0);
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMillis(1500));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> new Backoff(0, Duration.ZERO, Duration.ZERO, 1)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new Backoff(1, Duration.ofSeconds(2), Duration.ofSeconds(1), 1)).hasMessageContaining("initial <= max");
        assertThatThrownBy(() -> new Backoff(1, Duration.ZERO, Duration.ZERO, 0.5)).hasMessageContaining("multiplier");
    }

    @Test
    void deadLetterSinkGetsTheNotificationUnchanged() {
        // the sink receives the notification unchanged, so the DLQ record can carry it
        List<Notification> received = new ArrayList<>();
        Notification n = notification(Severity.ERROR).withMetadata(Map.of("attempt", "x"));
        new RetryingDelivery(Backoff.DEFAULTS, sleeps::add, (p, notification, e, a) -> received.add(notification))
                .deliver(PROVIDER, x -> {
                    throw new DeliveryException("no", false, 0, null);
                }, n);
        assertThat(received).containsExactly(n);
    }
}
