package io.sluice.kit.messaging;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.sluice.api.messaging.CloudEventDecodingException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Converts between Kafka records (what {@link io.sluice.api.messaging.CloudEventCodec} works with) and
 * SmallRye Reactive Messaging messages. Use it directly when a service has its own channel; most code uses
 * {@link EventPublisher} and {@link EventDecoder} instead.
 */
public final class KafkaMessages {

    private KafkaMessages() {
    }

    /**
     * A message whose {@link OutgoingKafkaRecordMetadata} carries the record's topic, key and headers, so the
     * Kafka connector writes exactly that record whatever topic the channel is configured with.
     */
    public static Message<byte[]> toMessage(ProducerRecord<String, byte[]> record) {
        return Message.of(record.value(), Metadata.of(metadata(record)));
    }

    /** As {@link #toMessage(ProducerRecord)}, completing {@code done} when Kafka acknowledged the record, or failing it. */
    public static Message<byte[]> toMessage(ProducerRecord<String, byte[]> record, CompletableFuture<Void> done) {
        Supplier<CompletionStage<Void>> ack = () -> {
            done.complete(null);
            return CompletableFuture.completedFuture(null);
        };
        Function<Throwable, CompletionStage<Void>> nack = failure -> {
            done.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        };
        return Message.of(record.value(), Metadata.of(metadata(record)), ack, nack);
    }

    private static OutgoingKafkaRecordMetadata<String> metadata(ProducerRecord<String, byte[]> record) {
        return OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic())
                .withKey(record.key())
                .withHeaders(record.headers())
                .build();
    }

    /**
     * The Kafka record a message was read from.
     *
     * @throws CloudEventDecodingException when the message did not come from the Kafka connector
     */
    @SuppressWarnings("unchecked")
    public static ConsumerRecord<String, byte[]> record(Message<?> message) {
        IncomingKafkaRecordMetadata<?, ?> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new CloudEventDecodingException("message has no IncomingKafkaRecordMetadata; it did not come from a"
                        + " smallrye-kafka channel (check the channel's connector)"));
        ConsumerRecord<?, ?> record = metadata.getRecord();
        if (record.key() != null && !(record.key() instanceof String)) {
            throw new CloudEventDecodingException("record at " + record.topic() + " partition " + record.partition() + " offset "
                    + record.offset() + " has a " + record.key().getClass().getSimpleName() + " key; set the channel's"
                    + " key.deserializer=org.apache.kafka.common.serialization.StringDeserializer");
        }
        if (record.value() != null && !(record.value() instanceof byte[])) {
            throw new CloudEventDecodingException("record at " + record.topic() + " partition " + record.partition() + " offset "
                    + record.offset() + " has a " + record.value().getClass().getSimpleName() + " value; set the channel's"
                    + " value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer");
        }
        return (ConsumerRecord<String, byte[]>) record;
    }
}
