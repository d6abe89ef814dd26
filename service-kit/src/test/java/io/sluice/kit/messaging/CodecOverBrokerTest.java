package io.sluice.kit.messaging;

import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.sandbox.kafka.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every event type, encoded by the codec, through a real (embedded) broker and back. */
class CodecOverBrokerTest {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyEventTypeArrivesWithKeyHeadersAndDataIntact() throws Exception {
        TopicsConfig topics = TopicsConfig.from(Map.of("sluice.topics.prefix", "codec.", "sluice.topics.partitions", "3"));
        RoundTrip.provisionTopics(kafka.bootstrapServers(), topics, Duration.ofSeconds(20));
        CloudEventCodec codec = new CloudEventCodec(topics, "/sluice/kit-test");

        Map<String, ProducerRecord<String, byte[]>> sentById = RoundTrip.sendAllSamples(kafka.bootstrapServers(), codec);
        List<ConsumerRecord<String, byte[]>> received = consumeAll(topics, sentById.size());

        RoundTrip.assertAllSamplesArrivedIntact(received, sentById, codec, topics, "/sluice/kit-test");
    }

    private static List<ConsumerRecord<String, byte[]>> consumeAll(TopicsConfig topics, int expected) {
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            // Assigning partitions directly (no consumer group) skips the group join and its rebalance delay.
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                consumer.partitionsFor(topics.name(topic)).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        return received;
    }
}
