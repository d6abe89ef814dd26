package io.sluice.apply.messaging;

import io.sluice.kit.messaging.ReceivedEvents;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.kit.messaging.EventDecoder;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The topics apply-service reads, one channel each (configured in application.properties). Each handler
 * decodes the record as the one event type its topic carries and counts it; the work itself
 * (applying rendered manifests to the cluster, reconciling an object on request) comes in later issues.
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

    @Incoming("render-manifests")
    public void onRenderedManifests(ConsumerRecord<String, byte[]> record) {
        received.record(record, decoder.decode(record, ManifestsRendered.class));
    }

    @Incoming("reconcile-requests")
    public void onReconcileRequest(ConsumerRecord<String, byte[]> record) {
        received.record(record, decoder.decode(record, ReconcileRequested.class));
    }
}
