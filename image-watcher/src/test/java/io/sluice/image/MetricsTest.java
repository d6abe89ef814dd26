package io.sluice.image;

import io.sluice.sandbox.testing.PrometheusText;
import io.sluice.sandbox.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.events.ImagePolicyChanged;
import io.sluice.api.meta.ObjectKey;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

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
        // The module's @QuarkusTestResources are global: other test classes (ImageLoopTest) share this application and
        // may have counted policy changes already, so the count must go up by exactly one from here.
        double before = PrometheusText.sample(PrometheusText.scrape(), "sluice_events_received_total",
                "topic", "sluice.image.policy", "type", "io.sluice.imagepolicy.changed.v1").orElse(0.0);
        TestKafka.publish(new ImagePolicyChanged(ObjectKey.of("ImagePolicy", "flux-system", "podinfo"),
                "ghcr.io/stefanprodan/podinfo:6.5.0", "ghcr.io/stefanprodan/podinfo:6.4.0"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = PrometheusText.scrape();
            assertThat(scrape).contains("# TYPE jvm_memory_used_bytes gauge");
            assertThat(PrometheusText.sample(scrape, "sluice_events_received_total",
                    "topic", "sluice.image.policy", "type", "io.sluice.imagepolicy.changed.v1")).contains(before + 1);
        });
    }
}
