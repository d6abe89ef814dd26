package io.sluice.kit.messaging;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.CloudEventDecodingException;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.kit.Samples;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaMessagesTest {

    private final CloudEventCodec codec = new CloudEventCodec(TopicsConfig.defaults(), "/sluice/test");

    @Test
    void outgoingMessageCarriesTopicKeyAndHeaders() {
        ProducerRecord<String, byte[]> record = codec.encode(Samples.gitPushed());
        Message<byte[]> message = KafkaMessages.toMessage(record);

        @SuppressWarnings("unchecked")
        OutgoingKafkaRecordMetadata<String> metadata = message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(metadata.getTopic()).isEqualTo("sluice.git.push");
        assertThat(metadata.getKey()).isEqualTo(record.key());
        assertThat(metadata.getHeaders()).isEqualTo(record.headers());
        assertThat(message.getPayload()).isEqualTo(record.value());
    }

    @Test
    void ackAndNackCompleteTheFuture() {
        ProducerRecord<String, byte[]> record = codec.encode(Samples.gitPushed());
        CompletableFuture<Void> acked = new CompletableFuture<>();
        KafkaMessages.toMessage(record, acked).ack();
        assertThat(acked).isCompleted();

        CompletableFuture<Void> nacked = new CompletableFuture<>();
        KafkaMessages.toMessage(record, nacked).nack(new IllegalStateException("broker said no"));
        assertThat(nacked).isCompletedExceptionally();
    }

    @Test
    void incomingRecordComesFromTheKafkaMetadata() {
        ProducerRecord<String, byte[]> sent = codec.encode(Samples.gitPushed());
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("sluice.git.push", 0, 5L, sent.key(), sent.value());
        Message<byte[]> message = Message.of(sent.value()).addMetadata(new IncomingKafkaRecordMetadata<>(record, "git-push"));
        assertThat(KafkaMessages.record(message)).isSameAs(record);
    }

    @Test
    void aMessageFromElsewhereIsRejected() {
        assertThatThrownBy(() -> KafkaMessages.record(Message.of(new byte[0])))
                .isInstanceOf(CloudEventDecodingException.class)
                .hasMessageContaining("did not come from a smallrye-kafka channel");
    }

    @Test
    void aChannelWithTheWrongDeserializerIsNamed() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("sluice.git.push", 0, 5L, "k", "text");
        Message<String> message = Message.of("text").addMetadata(new IncomingKafkaRecordMetadata<>(record, "git-push"));
        assertThatThrownBy(() -> KafkaMessages.record(message))
                .hasMessageContaining("has a String value; set the channel's value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer");
    }
}
