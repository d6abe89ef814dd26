package io.sluice.sandbox.testing;

import io.sluice.api.events.SluiceEvent;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients on the broker of the running {@link EmbeddedKafkaResource}: what another service, or a
 * misbehaving producer, would send. For the services' {@code @QuarkusTest}s.
 */
public final class TestKafka {

    /** Encodes events the way another Sluice service would, with the default topic names. */
    public static final CloudEventCodec CODEC = new CloudEventCodec(TopicsConfig.defaults(), CloudEventCodec.sourceFor("test"));

    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestKafka() {
    }

    /** Sends an event as a Sluice CloudEvent and waits until Kafka has it. */
    public static void publish(SluiceEvent event) {
        send(CODEC.encode(event));
    }

    /** Sends any record, valid or not, and waits until Kafka has it. */
    public static void send(ProducerRecord<String, byte[]> record) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not send a record to " + record.topic(), e);
        }
    }

    /** Reads {@code topic} from the start until a record matches, and returns it; fails after 30 s. */
    public static ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> matching) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (matching.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no matching record arrived on " + topic + " within " + WAIT.toSeconds() + " s");
    }

    private static String bootstrapServers() {
        return EmbeddedKafkaResource.kafka().bootstrapServers();
    }
}
