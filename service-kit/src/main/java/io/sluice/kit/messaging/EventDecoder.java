package io.sluice.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.CloudEventDecodingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Decodes consumed records into {@link CloudEvent}s. Let a {@link CloudEventDecodingException} propagate out
 * of the {@code @Incoming} method: with the recommended channel config ({@code failure-strategy=dead-letter-queue})
 * SmallRye then moves the record to {@code <topic>.dlq} with the message in its {@code dead-letter-reason}
 * header and carries on with the next record.
 * <pre>{@code
 * @Inject EventDecoder decoder;
 *
 * @Incoming("git-push")
 * public void onPush(ConsumerRecord<String, byte[]> record) {
 *     CloudEvent<GitPushed> event = decoder.decode(record, GitPushed.class);
 *     ...
 * }
 * }</pre>
 * Counts {@code sluice_events_rejected_total{topic}} for records it cannot decode.
 */
@ApplicationScoped
public class EventDecoder {

    @Inject
    CloudEventCodec codec;

    @Inject
    MeterRegistry registry;

    /** Decodes a record that must carry one kind of event (use {@code SluiceEvent.class} for any kind). */
    public <T extends SluiceEvent> CloudEvent<T> decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
        try {
            return codec.decode(record, type);
        } catch (CloudEventDecodingException e) {
            registry.counter("sluice.events.rejected", "topic", record.topic()).increment();
            throw e;
        }
    }

    /** Decodes the Kafka record behind a message from a {@code smallrye-kafka} channel. */
    public <T extends SluiceEvent> CloudEvent<T> decode(Message<?> message, Class<T> type) {
        return decode(KafkaMessages.record(message), type);
    }
}
