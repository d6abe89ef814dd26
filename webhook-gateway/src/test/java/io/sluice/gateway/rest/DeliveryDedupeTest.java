package io.sluice.gateway.rest;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryDedupeTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void aSecondClaimOfTheSameDeliveryIsARedelivery() {
        DeliveryDedupe dedupe = new DeliveryDedupe(10, Duration.ofHours(1), clock);
        assertThat(dedupe.claim("Receiver/ns/r#abc")).isTrue();
        assertThat(dedupe.claim("Receiver/ns/r#abc")).isFalse();
        assertThat(dedupe.claim("Receiver/ns/r#def")).isTrue();
    }

    @Test
    void aReleasedDeliveryCanBeClaimedAgain() {
        DeliveryDedupe dedupe = new DeliveryDedupe(10, Duration.ofHours(1), clock);
        dedupe.claim("a");
        dedupe.release("a");
        assertThat(dedupe.claim("a")).isTrue();
    }

    @Test
    void entriesExpireAfterTheTtl() {
        DeliveryDedupe dedupe = new DeliveryDedupe(10, Duration.ofMinutes(10), clock);
        dedupe.claim("a");
        clock.advance(Duration.ofMinutes(9));
        assertThat(dedupe.claim("a")).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(dedupe.claim("a")).isTrue();
    }

    @Test
    void theOldestEntryIsForgottenWhenFull() {
        DeliveryDedupe dedupe = new DeliveryDedupe(2, Duration.ofHours(1), clock);
        dedupe.claim("a");
        dedupe.claim("b");
        dedupe.claim("c");
        assertThat(dedupe.size()).isEqualTo(2);
        assertThat(dedupe.claim("b")).isFalse();
        assertThat(dedupe.claim("a")).isTrue();
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new DeliveryDedupe(0, Duration.ofHours(1), clock)).hasMessageContaining("max-entries");
        assertThatThrownBy(() -> new DeliveryDedupe(1, Duration.ZERO, clock)).hasMessageContaining("ttl");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
