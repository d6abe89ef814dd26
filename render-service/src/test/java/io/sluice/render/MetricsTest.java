package io.sluice.render;

import io.sluice.sandbox.testing.PrometheusText;
import io.sluice.sandbox.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.meta.ObjectKey;
import io.sluice.sandbox.cluster.SandboxClusterResource;
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
@QuarkusTestResource(SandboxClusterResource.class) // the same resources as every test here: one application start
class MetricsTest {

    @Test
    void receivedEventIsCountedInPrometheusText() {
        // Other test classes share this application and send reconcile requests too: count from here on.
        double before = received(PrometheusText.scrape());
        TestKafka.publish(new ReconcileRequested(ObjectKey.of("Kustomization", "flux-system", "apps"), Instant.now(), "metrics-test"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = PrometheusText.scrape();
            assertThat(scrape).contains("# TYPE jvm_memory_used_bytes gauge");
            assertThat(received(scrape)).isGreaterThanOrEqualTo(before + 1);
        });
    }

    private static double received(String scrape) {
        return PrometheusText.sample(scrape, "sluice_events_received_total",
                "topic", "sluice.reconcile.requests", "type", "io.sluice.reconcile.requested.v1").orElse(0.0);
    }
}
