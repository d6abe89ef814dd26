package io.sluice.kit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.events.Digest;
import io.sluice.api.events.GitPushed;
import io.sluice.api.events.ImagePushed;
import io.sluice.api.messaging.CloudEvent;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.kit.messaging.DeadLetterConfigWarning;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.kit.messaging.ImagePushRecorder;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small service on the kit (src/test/resources/application.properties) against the embedded broker: the
 * start-up bean provisions its topics, EventPublisher writes binary CloudEvents, a consumer configured as the
 * docs recommend decodes them, and a poison record goes to the dead-letter topic without blocking the partition.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
class StartupAndMessagingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EventPublisher publisher;

    @Inject
    CloudEventCodec codec;

    @Inject
    ImagePushRecorder recorder;

    @Inject
    MeterRegistry registry;

    @Inject
    DeadLetterConfigWarning deadLetterCheck;

    @Test
    void startUpCreatedTheProducedAndConsumedTopicsWithTheirDeadLetterTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertThat(names).contains("kit.git.push", "kit.git.push.dlq", "kit.events", "kit.events.dlq", "kit.image.push", "kit.image.push.dlq")
                    .doesNotContain("kit.source.artifact", "kit.apply.result");
            // The sandbox broker auto-creates topics with 1 partition; 6 proves the kit created them first.
            assertThat(admin.describeTopics(List.of("kit.git.push", "kit.image.push")).allTopicNames().get(10, TimeUnit.SECONDS).values())
                    .allSatisfy(description -> assertThat(description.partitions()).hasSize(6));
        }
    }

    @Test
    void publisherWritesABinaryCloudEventToTheEventsTopic() throws Exception {
        GitPushed push = Samples.gitPushed();
        publisher.publish(push).toCompletableFuture().get(20, TimeUnit.SECONDS);

        List<ConsumerRecord<String, byte[]>> records = readAll("kit.git.push", 1);
        ConsumerRecord<String, byte[]> record = records.get(records.size() - 1);
        assertThat(record.key()).isEqualTo("https://127.0.0.1:3000/team/app");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("io.sluice.git.pushed.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/sluice/kit-test");
        assertThat(header(record, "ce_subject")).isEqualTo(record.key());
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(record.headers().headers("ce_type")).as("no second set of CloudEvents headers from SmallRye").hasSize(1);
        CloudEvent<GitPushed> decoded = codec.decode(record, GitPushed.class);
        assertThat(decoded.data()).isEqualTo(push);

        assertThat(registry.counter("sluice.events.published", "type", "io.sluice.git.pushed.v1", "topic", "kit.git.push").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void consumerDecodesEventsAndAPoisonRecordGoesToTheDeadLetterTopicWithoutBlocking() throws Exception {
        ImagePushed first = new ImagePushed("127.0.0.1:5000", "team/app", "1.0.0", null, Instant.parse("2026-11-27T23:00:00Z"));
        ImagePushed second = new ImagePushed("127.0.0.1:5000", "team/app", "1.0.1", Digest.sha256(new byte[]{7}), Instant.parse("2026-11-27T23:01:00Z"));

        publisher.publish(first).toCompletableFuture().get(20, TimeUnit.SECONDS);
        // Same key as the events, so the same partition: the second event must get past the poison record.
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>("kit.image.push", first.subject(), "{\"not\":\"a cloudevent\"}".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_type", "io.sluice.image.pushed.v1".getBytes(StandardCharsets.UTF_8));
            producer.send(poison).get();
        }
        publisher.publish(second).toCompletableFuture().get(20, TimeUnit.SECONDS);

        await(() -> recorder.received().size() >= 2, "both ImagePushed events to be consumed");
        assertThat(recorder.received()).extracting(CloudEvent::data).containsExactly(first, second);

        List<ConsumerRecord<String, byte[]>> dead = readAll("kit.image.push.dlq", 1);
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> letter = dead.get(0);
        assertThat(letter.key()).isEqualTo(first.subject());
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{\"not\":\"a cloudevent\"}");
        assertThat(header(letter, "dead-letter-reason")).contains("has no content-type header");
        assertThat(header(letter, "dead-letter-topic")).isEqualTo("kit.image.push");
        assertThat(header(letter, "dead-letter-offset")).isNotBlank();
        assertThat(header(letter, "ce_type")).as("the original headers are kept").isEqualTo("io.sluice.image.pushed.v1");
        assertThat(registry.counter("sluice.events.rejected", "topic", "kit.image.push").count()).isEqualTo(1);
    }

    @Test
    void theRecommendedConsumerConfigPassesTheDeadLetterCheck() {
        assertThat(deadLetterCheck.problems()).isEmpty();
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic, int atLeast) {
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
            // One more short poll, so that "exactly one" assertions see anything that should not be there.
            consumer.poll(Duration.ofMillis(500)).forEach(received::add);
        }
        return received;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
