package io.sluice.apply.messaging;

import io.sluice.kit.messaging.ReceivedEvents;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.kit.messaging.EventDecoder;
import io.sluice.apply.reconcile.ReconcileTriggers;
import io.sluice.api.messaging.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The topics apply-service reads, one channel each (configured in application.properties). Each handler
 * decodes the record as the one event type its topic carries, counts it and hands it to {@link ReconcileTriggers}:
 * a rendering becomes the Kustomization's desired state and is applied on the triggers' workers; a reconcile request
 * is acted on by the replica owning the Kustomization. Neither handler blocks: the applies run on the scheduler's
 * workers, so one slow Kustomization (a health wait) never holds up the partition.
 *
 * <p>A record that is not a valid Sluice CloudEvent makes the decoder throw; the exception nacks the record,
 * and the channel's dead-letter-queue failure strategy moves it to {@code <topic>.dlq} with the reason in the
 * {@code dead-letter-reason} header, then goes on with the next record.
 */
@ApplicationScoped
public class IncomingEvents {

    private final EventDecoder decoder;
    private final ReceivedEvents received;
    private final ReconcileTriggers triggers;

    IncomingEvents(EventDecoder decoder, ReceivedEvents received, ReconcileTriggers triggers) {
        this.decoder = decoder;
        this.received = received;
        this.triggers = triggers;
    }

    @Incoming("render-manifests")
    public void onRenderedManifests(ConsumerRecord<String, byte[]> record) {
        CloudEvent<ManifestsRendered> event = decoder.decode(record, ManifestsRendered.class);
        received.record(record, event);
        triggers.rendered(event.data());
    }

    @Incoming("reconcile-requests")
    public void onReconcileRequest(ConsumerRecord<String, byte[]> record) {
        CloudEvent<ReconcileRequested> event = decoder.decode(record, ReconcileRequested.class);
        received.record(record, event);
        triggers.reconcileRequested(event.data());
    }
}
