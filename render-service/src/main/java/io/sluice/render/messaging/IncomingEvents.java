package io.sluice.render.messaging;

import io.sluice.kit.messaging.ReceivedEvents;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.kit.messaging.EventDecoder;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.render.reconcile.RenderTriggers;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The topics render-service reads, one channel each (configured in application.properties). Each handler
 * decodes the record as the one event type its topic carries, counts it, and hands it to {@link RenderTriggers},
 * which has the Kustomizations that use an artifact (or the one a reconcile request names) rendered on its workers
 * and the results published. Handlers are {@code @Blocking}: listing the Kustomizations is an API call.
 *
 * <p>A record that is not a valid Sluice CloudEvent makes the decoder throw; the exception nacks the record,
 * and the channel's dead-letter-queue failure strategy moves it to {@code <topic>.dlq} with the reason in the
 * {@code dead-letter-reason} header, then goes on with the next record.
 */
@ApplicationScoped
public class IncomingEvents {

    private final EventDecoder decoder;
    private final ReceivedEvents received;
    private final RenderTriggers kustomizations;

    IncomingEvents(EventDecoder decoder, ReceivedEvents received, RenderTriggers kustomizations) {
        this.decoder = decoder;
        this.received = received;
        this.kustomizations = kustomizations;
    }

    @Incoming("source-artifact")
    @Blocking
    public void onSourceArtifact(ConsumerRecord<String, byte[]> record) {
        CloudEvent<ArtifactReady> event = decoder.decode(record, ArtifactReady.class);
        received.record(record, event);
        kustomizations.artifactReady(event.data());
    }

    @Incoming("reconcile-requests")
    @Blocking
    public void onReconcileRequest(ConsumerRecord<String, byte[]> record) {
        CloudEvent<ReconcileRequested> event = decoder.decode(record, ReconcileRequested.class);
        received.record(record, event);
        kustomizations.reconcileRequested(event.data());
    }
}
