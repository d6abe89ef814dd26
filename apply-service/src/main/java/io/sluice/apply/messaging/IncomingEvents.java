package io.sluice.apply.messaging;

import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.apply.reconcile.ApplyPartitions;
import io.sluice.apply.reconcile.ReconcileTriggers;
import io.sluice.kit.messaging.EventDecoder;
import io.sluice.kit.messaging.ReceivedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    private final EventDecoder decoder;
    private final ReceivedEvents received;
    private final ReconcileTriggers triggers;
    private final ApplyPartitions partitions;

    IncomingEvents(EventDecoder decoder, ReceivedEvents received, ReconcileTriggers triggers, ApplyPartitions partitions) {
        this.decoder = decoder;
        this.received = received;
        this.triggers = triggers;
        this.partitions = partitions;
    }

    @Incoming("render-manifests")
    public void onRenderedManifests(ConsumerRecord<String, byte[]> record) {
        CloudEvent<ManifestsRendered> event = decoder.decode(record, ManifestsRendered.class);
        received.record(record, event);
        if (partitions.superseded(record.topic(), record.partition(), record.offset(), record.key())) {
            LOG.debugf("%s: rendering of %s at offset %d is followed by a later one in the backlog; only the later one is applied",
                    event.data().app(), event.data().sourceRevision(), record.offset());
            return;
        }
        triggers.rendered(event.data());
    }

    @Incoming("reconcile-requests")
    public void onReconcileRequest(ConsumerRecord<String, byte[]> record) {
        CloudEvent<ReconcileRequested> event = decoder.decode(record, ReconcileRequested.class);
        received.record(record, event);
        triggers.reconcileRequested(event.data());
    }
}
