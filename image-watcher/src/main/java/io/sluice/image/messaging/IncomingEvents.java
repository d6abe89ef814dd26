package io.sluice.image.messaging;

import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ImagePolicyChanged;
import io.sluice.api.events.ImagePushed;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.image.reconcile.AutomationTriggers;
import io.sluice.image.reconcile.ImageTriggers;
import io.sluice.kit.messaging.EventDecoder;
import io.sluice.kit.messaging.ReceivedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The topics image-watcher reads, one channel each (configured in application.properties). Each handler decodes
 * the record as the one event type its topic carries, counts it, and hands it on: a registry push scans the
 * ImageRepositories of that image, a reconcile request its object, a policy change or a new artifact of a
 * GitRepository runs the ImageUpdateAutomations concerned; all only queue the work, so the handlers return at once.
 *
 * <p>A record that is not a valid Sluice CloudEvent makes the decoder throw; the exception nacks the record,
 * and the channel's dead-letter-queue failure strategy moves it to {@code <topic>.dlq} with the reason in the
 * {@code dead-letter-reason} header, then goes on with the next record.
 */
@ApplicationScoped
public class IncomingEvents {

    private final EventDecoder decoder;
    private final ReceivedEvents received;
    private final ImageTriggers triggers;
    private final AutomationTriggers automations;

    IncomingEvents(EventDecoder decoder, ReceivedEvents received, ImageTriggers triggers, AutomationTriggers automations) {
        this.decoder = decoder;
        this.received = received;
        this.triggers = triggers;
        this.automations = automations;
    }

    @Incoming("image-push")
    public void onImagePush(ConsumerRecord<String, byte[]> record) {
        CloudEvent<ImagePushed> event = decoder.decode(record, ImagePushed.class);
        received.record(record, event);
        triggers.imagePushed(event.data());
    }

    @Incoming("reconcile-requests")
    public void onReconcileRequest(ConsumerRecord<String, byte[]> record) {
        CloudEvent<ReconcileRequested> event = decoder.decode(record, ReconcileRequested.class);
        received.record(record, event);
        triggers.reconcileRequested(event.data());
        automations.reconcileRequested(event.data());
    }

    @Incoming("source-artifact")
    public void onSourceArtifact(ConsumerRecord<String, byte[]> record) {
        CloudEvent<ArtifactReady> event = decoder.decode(record, ArtifactReady.class);
        received.record(record, event);
        automations.artifactReady(event.data());
    }

    @Incoming("image-policy")
    public void onImagePolicyChange(ConsumerRecord<String, byte[]> record) {
        CloudEvent<ImagePolicyChanged> event = decoder.decode(record, ImagePolicyChanged.class);
        received.record(record, event);
        automations.policyChanged(event.data());
    }
}
