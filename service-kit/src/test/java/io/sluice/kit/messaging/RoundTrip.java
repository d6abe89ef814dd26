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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codec round trip both broker tests run ({@link CodecOverBrokerTest} against the embedded broker,
 * {@link CodecOverKafkaContainerTest} against the upstream image): provision the topics, send every sample
 * event, and check what came back. Only how records are consumed differs between the two, so that stays in
 * each test.
 */
final class RoundTrip {

    private RoundTrip() {
    }

    /** Creates every Sluice topic on the broker, failing if an existing one has other settings. */
    static void provisionTopics(String bootstrapServers, TopicsConfig topics, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            new TopicProvisioner(admin, topics, timeout).provision(Topic.values()).requireNoMismatches();
        }
    }

    /** Encodes and sends every sample event, waiting for each ack; returns the sent records by ce_id. */
    static Map<String, ProducerRecord<String, byte[]>> sendAllSamples(String bootstrapServers, CloudEventCodec codec)
            throws InterruptedException, ExecutionException {
        Map<String, ProducerRecord<String, byte[]>> sentById = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (SluiceEvent event : Samples.all()) {
                ProducerRecord<String, byte[]> record = codec.encode(event);
                producer.send(record).get();
                sentById.put(header(record.headers().lastHeader(CloudEventHeaders.ID)), record);
            }
        }
        return sentById;
    }

    /**
     * Asserts that every sample arrived exactly once, on its topic, with the key, headers and bytes it was
     * sent with, and decodes back to the event that was sent.
     */
    static void assertAllSamplesArrivedIntact(List<ConsumerRecord<String, byte[]>> received,
                                              Map<String, ProducerRecord<String, byte[]>> sentById,
                                              CloudEventCodec codec, TopicsConfig topics, String source) {
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
            assertThat(event.type()).isEqualTo(event.data().type());
            assertThat(event.source()).isEqualTo(source);
            decoded.add(event.data());
        }
        assertThat(decoded).containsExactlyInAnyOrderElementsOf(Samples.all());
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
