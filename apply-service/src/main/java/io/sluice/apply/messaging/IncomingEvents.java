package io.sluice.apply.messaging;

import io.sluice.kit.messaging.ReceivedEvents;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.kit.messaging.EventDecoder;
import io.sluice.apply.reconcile.KustomizationApplyHandler;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.sluice.api.messaging.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The topics apply-service reads, one channel each (configured in application.properties). Each handler
 * decodes the record as the one event type its topic carries and counts it. Rendered manifests are then applied by
 * {@link KustomizationApplyHandler}; reconcile requests are only counted so far (a later issue).
 *
 * <p>The render-manifests handler is {@code @Blocking}: applying calls the Kubernetes API and may wait for
 * health, which must not run on the Kafka event loop (SmallRye runs it on a worker, one record at a time, in order).
 *
 * <p>A record that is not a valid Sluice CloudEvent makes the decoder throw; the exception nacks the record,
 * and the channel's dead-letter-queue failure strategy moves it to {@code <topic>.dlq} with the reason in the
 * {@code dead-letter-reason} header, then goes on with the next record.
 */
@ApplicationScoped
public class IncomingEvents {

    private final EventDecoder decoder;
    private final ReceivedEvents received;
    private final KustomizationApplyHandler applyHandler;

    IncomingEvents(EventDecoder decoder, ReceivedEvents received, KustomizationApplyHandler applyHandler) {
        this.decoder = decoder;
        this.received = received;
        this.applyHandler = applyHandler;
    }

    @Incoming("render-manifests")
    @Blocking
    public void onRenderedManifests(ConsumerRecord<String, byte[]> record) {
        CloudEvent<ManifestsRendered> event = decoder.decode(record, ManifestsRendered.class);
        received.record(record, event);
        applyHandler.onManifests(event.data());
    }

    @Incoming("reconcile-requests")
    public void onReconcileRequest(ConsumerRecord<String, byte[]> record) {
        received.record(record, decoder.decode(record, ReconcileRequested.class));
    }
}
