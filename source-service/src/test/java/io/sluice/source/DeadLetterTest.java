package io.sluice.source;

import io.sluice.sandbox.testing.PrometheusText;
import io.sluice.sandbox.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.events.CloneUrls;
import io.sluice.api.events.GitProvider;
import io.sluice.api.events.GitPushed;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record that is not a Sluice CloudEvent is moved to the topic's dead-letter topic with the reason, and does not
 * block the partition: the valid record behind it (same key, so same partition) is still processed.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
class DeadLetterTest {

    @Test
    void undecodableRecordGoesToTheDeadLetterTopicAndTheNextRecordIsProcessed() {
        GitPushed push = new GitPushed(GitProvider.GITHUB, new CloneUrls("https://github.com/sluice/dead-letter-test.git", null),
                "refs/heads/main", null, "a".repeat(40), "delivery-1", Instant.now());
        String key = push.subject();

        // No ce_* headers and no JSON: what a producer that does not speak Sluice's CloudEvents would send.
        TestKafka.send(new ProducerRecord<>("sluice.git.push", key, "not a cloud event".getBytes(StandardCharsets.UTF_8)));
        TestKafka.publish(push);

        ConsumerRecord<String, byte[]> dead = TestKafka.awaitRecord("sluice.git.push.dlq", record -> key.equals(record.key()));
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not a cloud event");
        assertThat(header(dead, "dead-letter-reason")).contains("sluice.git.push").contains("has no content-type header");
        assertThat(header(dead, "dead-letter-topic")).isEqualTo("sluice.git.push");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = PrometheusText.scrape();
            assertThat(PrometheusText.sample(scrape, "sluice_events_received_total", "topic", "sluice.git.push", "type", "io.sluice.git.pushed.v1"))
                    .as("the valid push behind the poison record was processed").contains(1.0);
            assertThat(PrometheusText.sample(scrape, "sluice_events_rejected_total", "topic", "sluice.git.push")).contains(1.0);
        });
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        assertThat(record.headers().lastHeader(name)).as("header %s of the dead letter", name).isNotNull();
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
