package io.sluice.kit.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.kit.Samples;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** EventPublisher without Quarkus: a fake emitter stands in for the Kafka channel and decides ack or nack. */
class EventPublisherTest {

    /** Records what is sent and hands each message to {@code outcome}. */
    static final class FakeEmitter implements Emitter<byte[]> {
        final List<Message<byte[]>> sent = new ArrayList<>();
        final Consumer<Message<byte[]>> outcome;

        FakeEmitter(Consumer<Message<byte[]>> outcome) {
            this.outcome = outcome;
        }

        @Override
        public CompletionStage<Void> send(byte[] payload) {
            throw new UnsupportedOperationException("EventPublisher sends messages, not bare payloads");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <M extends Message<? extends byte[]>> void send(M message) {
            sent.add((Message<byte[]>) message);
            outcome.accept((Message<byte[]>) message);
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private EventPublisher publisher(FakeEmitter emitter) {
        EventPublisher publisher = new EventPublisher();
        publisher.emitter = emitter;
        publisher.codec = new CloudEventCodec(TopicsConfig.defaults(), "/sluice/test");
        publisher.registry = registry;
        return publisher;
    }

    @Test
    void sendsARecordAddressedToTheEventsTopicAndCompletesOnAck() {
        FakeEmitter emitter = new FakeEmitter(Message::ack);
        CompletableFuture<Void> done = publisher(emitter).publish(Samples.gitPushed()).toCompletableFuture();

        assertThat(done).isCompleted();
        @SuppressWarnings("unchecked")
        OutgoingKafkaRecordMetadata<String> metadata = emitter.sent.get(0).getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(metadata.getTopic()).isEqualTo("sluice.git.push");
        assertThat(metadata.getKey()).isEqualTo(Samples.gitPushed().subject());
        assertThat(metadata.getHeaders().lastHeader("ce_source").value()).isEqualTo("/sluice/test".getBytes());
        assertThat(registry.counter("sluice.events.published", "type", "io.sluice.git.pushed.v1", "topic", "sluice.git.push").count()).isEqualTo(1);
    }

    @Test
    void failsWhenKafkaRefuses() {
        FakeEmitter emitter = new FakeEmitter(message -> message.nack(new IllegalStateException("record too large")));
        CompletableFuture<Void> done = publisher(emitter).publish(Samples.gitPushed()).toCompletableFuture();

        assertThat(done).isCompletedExceptionally();
        assertThat(registry.find("sluice.events.published").counter()).isNull();
    }

    @Test
    void failsWhenTheEmitterRefusesAtOnce() {
        FakeEmitter emitter = new FakeEmitter(message -> {
            throw new IllegalStateException("SRMSG00034: Insufficient downstream requests to emit item");
        });
        CompletableFuture<Void> done = publisher(emitter).publish(Samples.gitPushed()).toCompletableFuture();

        assertThat(done).isCompletedExceptionally();
    }
}
