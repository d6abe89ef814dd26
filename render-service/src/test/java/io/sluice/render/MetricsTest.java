package io.sluice.render;

import io.sluice.sandbox.testing.PrometheusText;
import io.sluice.sandbox.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.meta.ObjectKey;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * /q/metrics serves Prometheus text with the JVM metrics and this service's own counter, which counts an event
 * received on one of its channels.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
class MetricsTest {

    @Test
    void receivedEventIsCountedInPrometheusText() {
        TestKafka.publish(new ReconcileRequested(ObjectKey.of("Kustomization", "flux-system", "apps"), Instant.now(), "metrics-test"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = PrometheusText.scrape();
            assertThat(scrape).contains("# TYPE jvm_memory_used_bytes gauge");
            assertThat(PrometheusText.sample(scrape, "sluice_events_received_total",
                    "topic", "sluice.reconcile.requests", "type", "io.sluice.reconcile.requested.v1")).contains(1.0);
        });
    }
}
