package io.sluice.kit.reconcile;

import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.messaging.CloudEventCodec;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.api.meta.ObjectKey;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner of an object is computed exactly as Kafka's producer picks the partition of its records. */
class PartitionOwnershipTest {

    @Test
    void matchesTheProducersDefaultPartitioner() {
        CloudEventCodec codec = new CloudEventCodec(TopicsConfig.defaults(), CloudEventCodec.sourceFor("test"));
        for (int i = 0; i < 500; i++) {
            ObjectKey key = ObjectKey.of("Kustomization", "ns-" + (i % 7), "repo-" + i);
            String recordKey = codec.encode(new ReconcileRequested(key, Instant.EPOCH, "test")).key();
            assertThat(recordKey).isEqualTo(key.subject());
            for (int partitions : new int[]{1, 6, 12}) {
                assertThat(PartitionOwnership.partitionFor(recordKey, partitions))
                        .isEqualTo(BuiltInPartitioner.partitionForKey(recordKey.getBytes(StandardCharsets.UTF_8), partitions));
            }
        }
    }
}
