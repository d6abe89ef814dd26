package io.sluice.gateway;

import io.sluice.sandbox.testing.PrometheusText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.messaging.CloudEventHeaders;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The producing side is wired: an event published through the kit's EventPublisher lands on its topic as a
 * CloudEvent from this service, and /q/metrics serves Prometheus text with JVM metrics and the publish counter.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
class PublishingTest {

    @Inject
    EventPublisher publisher;

    @Test
    void publishedEventLandsOnItsTopicAndIsCounted() throws Exception {
        ReconcileRequested request = new ReconcileRequested(ObjectKey.of("Receiver", "flux-system", "github"), Instant.now(), "publishing-test");
        publisher.publish(request).toCompletableFuture().get(30, TimeUnit.SECONDS);

        ConsumerRecord<String, byte[]> record = readOne("sluice.reconcile.requests");
        assertThat(record.key()).isEqualTo("Receiver/flux-system/github");
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/sluice/webhook-gateway");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("io.sluice.reconcile.requested.v1");

        String scrape = PrometheusText.scrape();
        assertThat(scrape).contains("# TYPE jvm_memory_used_bytes gauge");
        assertThat(PrometheusText.sample(scrape, "sluice_events_published_total",
                "topic", "sluice.reconcile.requests", "type", "io.sluice.reconcile.requested.v1")).contains(1.0);
    }

    private static ConsumerRecord<String, byte[]> readOne(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaResource.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "publishing-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
            return records.get(0);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
