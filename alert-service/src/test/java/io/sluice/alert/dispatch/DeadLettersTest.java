package io.sluice.alert.dispatch;

import io.sluice.alert.provider.DeliveryException;
import io.sluice.api.meta.ObjectKey;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTest {

    @Test
    void theOriginalRecordGoesOnWithTheFailureInHeaders() {
        RecordHeaders original = new RecordHeaders();
        original.add("ce_type", "io.sluice.object.event.v1".getBytes(StandardCharsets.UTF_8));
        original.add("dead-letter-reason", "stale".getBytes(StandardCharsets.UTF_8));
        byte[] value = "{\"reason\":\"HealthCheckFailed\"}".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> origin = new ConsumerRecord<>("sluice.events", 3, 42L, 0L, TimestampType.CREATE_TIME,
                0, 0, "Kustomization/flux-system/podinfo", value, original, Optional.empty());
        DeliveryException error = new DeliveryException("Provider/flux-system/hook (http://127.0.0.1) answered HTTP 500",
                true, 500, new IOException("reset"));

        ProducerRecord<String, byte[]> record = DeadLetters.record("sluice.events.dlq", new DeadLetter(origin,
                ObjectKey.of("Provider", "flux-system", "hook"), "generic", ObjectKey.of("Alert", "flux-system", "ops"), error, 3));

        assertThat(record.topic()).isEqualTo("sluice.events.dlq");
        assertThat(record.key()).isEqualTo("Kustomization/flux-system/podinfo");
        assertThat(record.value()).isEqualTo(value);
        assertThat(header(record, "ce_type")).isEqualTo("io.sluice.object.event.v1");
        assertThat(record.headers().headers("dead-letter-reason")).hasSize(1); // the stale one is replaced
        assertThat(header(record, DeadLetters.REASON)).isEqualTo(error.getMessage());
        assertThat(header(record, DeadLetters.CAUSE)).isEqualTo("reset");
        assertThat(header(record, DeadLetters.EXCEPTION_CLASS)).isEqualTo(DeliveryException.class.getName());
        assertThat(header(record, DeadLetters.TOPIC)).isEqualTo("sluice.events");
        assertThat(header(record, DeadLetters.PARTITION)).isEqualTo("3");
        assertThat(header(record, DeadLetters.OFFSET)).isEqualTo("42");
        assertThat(header(record, DeadLetters.PROVIDER)).isEqualTo("Provider/flux-system/hook");
        assertThat(header(record, DeadLetters.PROVIDER_TYPE)).isEqualTo("generic");
        assertThat(header(record, DeadLetters.ALERT)).isEqualTo("Alert/flux-system/ops");
        assertThat(header(record, DeadLetters.ATTEMPTS)).isEqualTo("3");
    }

    private static String header(ProducerRecord<String, byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
