package io.sluice.kit.messaging;

import io.sluice.api.events.SluiceEvent;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.CloudEventHeaders;
import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicProvisioner;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.kit.Samples;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()))) {
            new TopicProvisioner(admin, topics, Duration.ofSeconds(30)).provision(Topic.values()).requireNoMismatches();
        }
        CloudEventCodec codec = new CloudEventCodec(topics, "/sluice/kit-container-test");

        Map<String, ProducerRecord<String, byte[]>> sentById = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (SluiceEvent event : Samples.all()) {
                ProducerRecord<String, byte[]> record = codec.encode(event);
                producer.send(record).get();
                sentById.put(header(record.headers().lastHeader(CloudEventHeaders.ID)), record);
            }
        }

        List<ConsumerRecord<String, byte[]>> received = consumeAll(topics, sentById.size());

        assertThat(received).hasSize(Samples.all().size());
        List<SluiceEvent> decoded = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : received) {
            CloudEvent<SluiceEvent> event = codec.decode(record);
            ProducerRecord<String, byte[]> sent = sentById.get(event.id());
            assertThat(sent).as("a record with ce_id %s was sent", event.id()).isNotNull();
            assertThat(record.topic()).isEqualTo(sent.topic()).isEqualTo(topics.name(event.data().topic()));
            assertThat(record.key()).isEqualTo(sent.key()).isEqualTo(event.data().subject());
            assertThat(headers(record.headers())).isEqualTo(headers(sent.headers()))
                    .containsKeys("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "content-type");
            assertThat(record.value()).isEqualTo(sent.value());
            assertThat(event.source()).isEqualTo("/sluice/kit-container-test");
            decoded.add(event.data());
        }
        assertThat(decoded).containsExactlyInAnyOrderElementsOf(Samples.all());
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

    private static Map<String, String> headers(Iterable<Header> headers) {
        Map<String, String> map = new HashMap<>();
        for (Header h : headers) {
            assertThat(map).as("header %s appears once", h.key()).doesNotContainKey(h.key());
            map.put(h.key(), header(h));
        }
        return map;
    }

    private static String header(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
