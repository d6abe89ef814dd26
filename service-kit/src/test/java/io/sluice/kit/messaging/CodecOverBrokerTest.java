package io.sluice.kit.messaging;

import io.sluice.api.events.SluiceEvent;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.CloudEventHeaders;
import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicProvisioner;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.kit.Samples;
import io.sluice.sandbox.kafka.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicProvisioner(admin, topics, Duration.ofSeconds(20)).provision(Topic.values()).requireNoMismatches();
        }
        CloudEventCodec codec = new CloudEventCodec(topics, "/sluice/kit-test");

        Map<String, ProducerRecord<String, byte[]>> sentById = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
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
            assertThat(headers(record)).isEqualTo(headers(sent.headers()))
                    .containsKeys("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "content-type");
            assertThat(record.value()).isEqualTo(sent.value());
            assertThat(event.type()).isEqualTo(event.data().type());
            assertThat(event.source()).isEqualTo("/sluice/kit-test");
            decoded.add(event.data());
        }
        assertThat(decoded).containsExactlyInAnyOrderElementsOf(Samples.all());
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

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        return headers(record.headers());
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
