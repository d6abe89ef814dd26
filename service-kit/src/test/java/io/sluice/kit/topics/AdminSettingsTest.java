package io.sluice.kit.topics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdminSettingsTest {

    @Test
    void keepsSecuritySettingsDropsConsumerOnesAndSetsTimeouts() {
        Map<String, Object> props = AdminSettings.from(Map.of(
                        "bootstrap.servers", "from-map:9092",
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "PLAIN",
                        "group.id", "source-service",
                        "auto.offset.reset", "earliest"),
                "broker:9093", "source-service", Duration.ofSeconds(15));
        assertThat(props).containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("client.id", "source-service-topic-provisioner")
                .containsEntry("request.timeout.ms", 15000)
                .containsEntry("default.api.timeout.ms", 15000)
                .doesNotContainKeys("group.id", "auto.offset.reset");
    }
}
