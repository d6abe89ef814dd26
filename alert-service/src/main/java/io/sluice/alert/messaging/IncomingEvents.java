package io.sluice.alert.messaging;

import io.sluice.alert.dispatch.AlertPipeline;
import io.sluice.api.events.ApplyCompleted;
import io.sluice.api.events.ImagePolicyChanged;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.kit.messaging.EventDecoder;
import io.sluice.kit.messaging.ReceivedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The topics alert-service reads, one channel each (configured in application.properties). Each handler
 * decodes the record as the one event type its topic carries and counts it. Object events go on to the
 * {@link AlertPipeline} (Alerts, storm guard, Providers); apply results and image policy changes are only
 * counted: the services that produce them also publish the object events people are alerted about.
 *
 * <p>A record that is not a valid Sluice CloudEvent makes the decoder throw; the exception nacks the record,
 * and the channel's dead-letter-queue failure strategy moves it to {@code <topic>.dlq} with the reason in the
 * {@code dead-letter-reason} header, then goes on with the next record.
 */
@ApplicationScoped
public class IncomingEvents {

    private final EventDecoder decoder;
    private final ReceivedEvents received;
    private final AlertPipeline pipeline;

    IncomingEvents(EventDecoder decoder, ReceivedEvents received, AlertPipeline pipeline) {
        this.decoder = decoder;
        this.received = received;
        this.pipeline = pipeline;
    }

    /**
     * Blocking (on a worker thread, in order) because the first events after start-up wait until the Alerts and
     * Providers have been read; after that it only queues notifications and returns.
     */
    @Incoming("events")
    @Blocking
    public void onObjectEvent(ConsumerRecord<String, byte[]> record) {
        CloudEvent<ObjectEvent> event = decoder.decode(record, ObjectEvent.class);
        received.record(record, event);
        pipeline.handle(record, event.data());
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
