package io.sluice.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sluice.api.messaging.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/**
 * Counts and logs every event this service received and could decode:
 * {@code sluice_events_received_total{topic,type}} in /q/metrics, one DEBUG line per event; and measures the Kafka
 * hand-off of each: from the producer's CloudEvents {@code time} to now, as the histogram
 * {@code sluice_kafka_handoff_seconds{topic}}. That is the time an event spent between two services (publish,
 * broker, consumer poll), so a benchmark can tell Kafka's share of push-to-applied from the stages' own work.
 * Clocks of different hosts may disagree; a negative hand-off (skew) is recorded as zero.
 */
@ApplicationScoped
public class ReceivedEvents {

    /** Micrometer name; Prometheus shows it as {@code sluice_events_received_total}. */
    public static final String METRIC = "sluice.events.received";
    /** Micrometer name; Prometheus shows it as {@code sluice_kafka_handoff_seconds}. */
    public static final String HANDOFF_METRIC = "sluice.kafka.handoff";

    private static final Logger LOG = Logger.getLogger(ReceivedEvents.class);

    private final MeterRegistry registry;
    private final Clock clock;

    @Inject
    ReceivedEvents(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    ReceivedEvents(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public void record(ConsumerRecord<String, byte[]> record, CloudEvent<?> event) {
        registry.counter(METRIC, "topic", record.topic(), "type", event.type()).increment();
        Duration handoff = Duration.between(event.time(), clock.instant());
        Timer.builder(HANDOFF_METRIC)
                .description("Time from an event's publication (CloudEvents time) to its receipt by this service")
                .tag("topic", record.topic())
                .publishPercentileHistogram()
                .register(registry)
                .record(handoff.isNegative() ? Duration.ZERO : handoff);
        LOG.debugf("Received %s about %s (id %s, from %s) at %s partition %d offset %d", event.type(), event.subject(), event.id(),
                event.source(), record.topic(), record.partition(), record.offset());
    }
}
