package io.sluice.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.api.messaging.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Counts and logs every event this service received and could decode:
 * {@code sluice_events_received_total{topic,type}} in /q/metrics, one DEBUG line per event.
 */
@ApplicationScoped
public class ReceivedEvents {

    /** Micrometer name; Prometheus shows it as {@code sluice_events_received_total}. */
    public static final String METRIC = "sluice.events.received";

    private static final Logger LOG = Logger.getLogger(ReceivedEvents.class);

    private final MeterRegistry registry;

    ReceivedEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(ConsumerRecord<String, byte[]> record, CloudEvent<?> event) {
        registry.counter(METRIC, "topic", record.topic(), "type", event.type()).increment();
        LOG.debugf("Received %s about %s (id %s, from %s) at %s partition %d offset %d", event.type(), event.subject(), event.id(),
                event.source(), record.topic(), record.partition(), record.offset());
    }
}
