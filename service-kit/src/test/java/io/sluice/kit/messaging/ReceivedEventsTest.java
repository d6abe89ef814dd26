package io.sluice.kit.messaging;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.api.meta.ObjectKey;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReceivedEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReceivedEvents received = new ReceivedEvents(registry, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void countsEachEventAndMeasuresItsHandOffFromThePublishTime() {
        received.record(record("sluice.reconcile.requests"), event(NOW.minusMillis(12)));
        received.record(record("sluice.reconcile.requests"), event(NOW.minusMillis(8)));

        assertThat(registry.get(ReceivedEvents.METRIC).tag("topic", "sluice.reconcile.requests").counter().count()).isEqualTo(2.0);
        Timer handoff = registry.get(ReceivedEvents.HANDOFF_METRIC).tag("topic", "sluice.reconcile.requests").timer();
        assertThat(handoff.count()).isEqualTo(2);
        assertThat(handoff.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(20.0);
        assertThat(handoff.max(TimeUnit.MILLISECONDS)).isEqualTo(12.0);
    }

    @Test
    void aPublishTimeInTheFutureCountsAsZeroNotNegative() {
        received.record(record("sluice.reconcile.requests"), event(NOW.plusSeconds(3)));

        Timer handoff = registry.get(ReceivedEvents.HANDOFF_METRIC).timer();
        assertThat(handoff.count()).isEqualTo(1);
        assertThat(handoff.totalTime(TimeUnit.MILLISECONDS)).isZero();
    }

    private static ConsumerRecord<String, byte[]> record(String topic) {
        return new ConsumerRecord<>(topic, 0, 0L, "Kustomization/flux-system/app", new byte[0]);
    }

    private static CloudEvent<ReconcileRequested> event(Instant published) {
        ReconcileRequested request = new ReconcileRequested(ObjectKey.of("Kustomization", "flux-system", "app"), published, "test");
        return new CloudEvent<>("id-" + published.toEpochMilli(), "/sluice/test", request.type(), request.subject(), published, request);
    }
}
