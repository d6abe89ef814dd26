package io.sluice.source.messaging;

import io.sluice.kit.messaging.ReceivedEvents;
import io.sluice.api.events.GitPushed;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.kit.messaging.EventDecoder;
import io.sluice.source.reconcile.ReconcileTriggers;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The topics source-service reads, one channel each (configured in application.properties). Each handler
 * decodes the record as the one event type its topic carries, counts it, and hands it to {@link ReconcileTriggers}:
 * a push reconciles the GitRepositories whose normalized URL is its key, a request reconciles its object (other
 * kinds are ignored). Both only queue the work, so the handlers return at once.
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

    @Incoming("git-push")
    public void onGitPush(ConsumerRecord<String, byte[]> record) {
        CloudEvent<GitPushed> event = decoder.decode(record, GitPushed.class);
        received.record(record, event);
        triggers.gitPushed(event.data());
    }

    @Incoming("reconcile-requests")
    public void onReconcileRequest(ConsumerRecord<String, byte[]> record) {
        CloudEvent<ReconcileRequested> event = decoder.decode(record, ReconcileRequested.class);
        received.record(record, event);
        triggers.reconcileRequested(event.data());
    }
}
