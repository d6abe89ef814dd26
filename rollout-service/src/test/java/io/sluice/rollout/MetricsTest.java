package io.sluice.rollout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import io.sluice.sandbox.testing.PrometheusText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** /q/metrics serves Prometheus text with the JVM metrics. */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
class MetricsTest {

    @Test
    void metricsAreServedAsPrometheusText() {
        assertThat(PrometheusText.scrape()).contains("# TYPE jvm_memory_used_bytes gauge");
    }
}
