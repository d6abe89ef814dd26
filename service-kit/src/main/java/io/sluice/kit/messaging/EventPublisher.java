package io.sluice.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.api.messaging.CloudEventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Publishes Sluice events as binary-mode CloudEvents, each to its own topic, keyed by its subject:
 * <pre>{@code
 * @Inject EventPublisher publisher;
 *
 * publisher.publish(new GitPushed(...))           // completes when Kafka acknowledged the record
 *          .toCompletableFuture().join();         // or compose it; it fails when Kafka refused it
 * }</pre>
 *
 * <p>Records go through one outgoing channel, {@value #CHANNEL}, which the kit configures in its
 * {@code META-INF/microprofile-config.properties} (Kafka connector, String keys, byte[] values, no SmallRye
 * CloudEvents headers of its own); the topic of each record comes from the event, so a service needs no
 * channel configuration to publish. Counts {@code sluice_events_published_total{type,topic}}.
 */
@ApplicationScoped
@Unremovable // keeps the sluice-out emitter wired even in a service that never injects this, so the kit's channel config always has its producer
public class EventPublisher implements EventSink {

    /** The outgoing channel every Sluice event is sent through. */
    public static final String CHANNEL = "sluice-out";

    @Inject
    @Channel(CHANNEL)
    Emitter<byte[]> emitter;

    @Inject
    CloudEventCodec codec;

    @Inject
    MeterRegistry registry;

    /** Publishes an event as a new CloudEvent (new id, this service as source, now as time). */
    @Override
    public CompletionStage<Void> publish(SluiceEvent event) {
        return publish(codec.wrap(event));
    }

    /** Publishes a CloudEvent as it is, keeping its id, source and time (e.g. to re-publish a dead letter). */
    public CompletionStage<Void> publish(CloudEvent<?> event) {
        ProducerRecord<String, byte[]> record = codec.encode(event);
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            emitter.send(KafkaMessages.toMessage(record, done));
        } catch (RuntimeException e) {
            // The emitter refuses synchronously when its buffer is full or the channel is down; report it the
            // same way as a refusal by Kafka, through the returned stage.
            done.completeExceptionally(e);
        }
        return done.thenRun(() -> registry.counter("sluice.events.published", "type", event.type(), "topic", record.topic()).increment());
    }
}
