package io.sluice.alert.messaging;

import io.sluice.kit.messaging.ReceivedEvents;
import io.sluice.api.events.ApplyCompleted;
import io.sluice.api.events.ImagePolicyChanged;
import io.sluice.api.events.ObjectEvent;
import io.sluice.kit.messaging.EventDecoder;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The topics alert-service reads, one channel each (configured in application.properties). Each handler
 * decodes the record as the one event type its topic carries and counts it; the work itself
 * (matching events against Alerts and sending them to Providers) comes in later issues.
 *
 * <p>A record that is not a valid Sluice CloudEvent makes the decoder throw; the exception nacks the record,
 * and the channel's dead-letter-queue failure strategy moves it to {@code <topic>.dlq} with the reason in the
 * {@code dead-letter-reason} header, then goes on with the next record.
 */
@ApplicationScoped
public class IncomingEvents {

    private final EventDecoder decoder;
    private final ReceivedEvents received;

    IncomingEvents(EventDecoder decoder, ReceivedEvents received) {
        this.decoder = decoder;
        this.received = received;
    }

    @Incoming("events")
    public void onObjectEvent(ConsumerRecord<String, byte[]> record) {
        received.record(record, decoder.decode(record, ObjectEvent.class));
    }

    @Incoming("apply-result")
    public void onApplyResult(ConsumerRecord<String, byte[]> record) {
        received.record(record, decoder.decode(record, ApplyCompleted.class));
    }

    @Incoming("image-policy")
    public void onImagePolicyChange(ConsumerRecord<String, byte[]> record) {
        received.record(record, decoder.decode(record, ImagePolicyChanged.class));
    }
}
