package io.sluice.kit.messaging;

import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicsConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every event type, encoded by the codec, through the upstream Apache Kafka image and back: the broker
 * Sluice runs against in production (its own process, listeners advertised over the network, the image's
 * defaults), where {@link CodecOverBrokerTest} uses the sandbox's embedded broker. Consumed through a
 * consumer group, as the services consume. Skipped where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class CodecOverKafkaContainerTest {

    /** The same Kafka version as the BOM's kafka-clients and the sandbox's broker. */
    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Test
    void everyEventTypeArrivesThroughARealBrokerWithKeyHeadersAndDataIntact() throws Exception {
        TopicsConfig topics = TopicsConfig.from(Map.of("sluice.topics.prefix", "container.", "sluice.topics.partitions", "3"));
        RoundTrip.provisionTopics(KAFKA.getBootstrapServers(), topics, Duration.ofSeconds(30));
        CloudEventCodec codec = new CloudEventCodec(topics, "/sluice/kit-container-test");

        Map<String, ProducerRecord<String, byte[]>> sentById = RoundTrip.sendAllSamples(KAFKA.getBootstrapServers(), codec);
        List<ConsumerRecord<String, byte[]>> received = consumeAll(topics, sentById.size());

        RoundTrip.assertAllSamplesArrivedIntact(received, sentById, codec, topics, "/sluice/kit-container-test");
    }

    /** Subscribes with a new consumer group from the earliest offset, as a service consumes a topic the first time. */
    private static List<ConsumerRecord<String, byte[]>> consumeAll(TopicsConfig topics, int expected) {
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "codec-container-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(Arrays.stream(Topic.values()).map(topics::name).toList());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        return received;
    }
}
