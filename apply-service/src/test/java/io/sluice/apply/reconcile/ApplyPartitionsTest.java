package io.sluice.apply.reconcile;

import io.sluice.api.events.Digest;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.RenderedManifests;
import io.sluice.api.meta.ObjectKey;
import io.sluice.kit.reconcile.PartitionOwnership;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebalance listener as the channel's consumer calls it: on assignment it restores the desired states of
 * the new partitions up to the group's committed positions (nothing committed: nothing restored, all is new
 * work), then owns them and says which apps came back; on revocation it forgets them.
 */
class ApplyPartitionsTest {

    private static final String TOPIC = "sluice.render.manifests";
    private static final ObjectKey APP = ObjectKey.of("Kustomization", "flux-system", "restored-app");
    private static final int PARTITION = PartitionOwnership.partitionFor(APP.subject(), 6);

    private final DesiredStates desired = new DesiredStates();
    private final List<Map<TopicPartition, Long>> restoreCalls = new ArrayList<>();
    private final List<ApplyPartitions.RenderingsRestored> restoredEvents = new ArrayList<>();
    private final ManifestsRendered rendering = new ManifestsRendered(APP, "main@sha1:" + "d".repeat(40),
            Digest.sha256("x".getBytes(StandardCharsets.UTF_8)), RenderedManifests.Inline.of("x"));

    private ApplyPartitions partitions() {
        return new ApplyPartitions(TOPIC, assigned -> {
        }, restoredEvents::add, desired, (until, ends) -> {
            restoreCalls.add(until);
            return new RenderingsRestore.Restored(
                    until.getOrDefault(new TopicPartition(TOPIC, PARTITION), 0L) > 0 ? List.of(rendering) : List.of(), Map.of());
        });
    }

    private static MockConsumer<String, byte[]> consumer() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, IntStream.range(0, 6)
                .mapToObj(p -> new PartitionInfo(TOPIC, p, node, new Node[]{node}, new Node[]{node})).toList());
        consumer.updateEndOffsets(IntStream.range(0, 6).boxed().collect(java.util.stream.Collectors.toMap(p -> new TopicPartition(TOPIC, p), p -> 0L)));
        return consumer;
    }

    @Test
    void assignmentRestoresBelowTheCommittedPositionThenOwnsAndAnnounces() {
        ApplyPartitions partitions = partitions();
        MockConsumer<String, byte[]> consumer = consumer();
        TopicPartition mine = new TopicPartition(TOPIC, PARTITION);
        TopicPartition other = new TopicPartition(TOPIC, (PARTITION + 1) % 6);
        consumer.assign(List.of(mine, other));
        consumer.commitSync(Map.of(mine, new OffsetAndMetadata(5)));

        partitions.onPartitionsAssigned(consumer, List.of(mine, other));

        assertThat(restoreCalls).containsExactly(Map.of(mine, 5L, other, 0L));
        assertThat(desired.get(APP)).hasValueSatisfying(d -> {
            assertThat(d.restored()).isTrue();
            assertThat(d.rendering()).isEqualTo(rendering);
        });
        assertThat(partitions.owns(APP)).isTrue();
        assertThat(restoredEvents).containsExactly(new ApplyPartitions.RenderingsRestored(List.of(APP)));

        partitions.onPartitionsRevoked(consumer, List.of(mine));

        assertThat(partitions.owns(APP)).isFalse();
        assertThat(desired.get(APP)).isEmpty();
    }

    @Test
    void partitionsOfOtherTopicsAreNotRestored() {
        ApplyPartitions partitions = partitions();
        MockConsumer<String, byte[]> consumer = consumer();
        TopicPartition elsewhere = new TopicPartition("sluice.reconcile.requests", PARTITION);

        partitions.onPartitionsAssigned(consumer, List.of(elsewhere));

        assertThat(restoreCalls).isEmpty();
        assertThat(restoredEvents).isEmpty();
        assertThat(partitions.owns(APP)).isFalse();
    }

    @Test
    void aRenderingFollowedByALaterOneOfTheSameAppInTheBacklogIsSuperseded() {
        TopicPartition mine = new TopicPartition(TOPIC, PARTITION);
        List<Map<TopicPartition, Long>> backlogCalls = new ArrayList<>();
        ApplyPartitions partitions = new ApplyPartitions(TOPIC, assigned -> {
        }, restoredEvents::add, desired, (from, to) -> {
            backlogCalls.add(from);
            backlogCalls.add(to);
            // offsets 5..9 were published while the replica was down: the app at 5 and 8, another app at 9
            return new RenderingsRestore.Restored(List.of(),
                    Map.of(mine, Map.of(APP.subject(), 8L, "Kustomization/flux-system/other", 9L)));
        });
        MockConsumer<String, byte[]> consumer = consumer();
        consumer.assign(List.of(mine));
        consumer.commitSync(Map.of(mine, new OffsetAndMetadata(5)));
        consumer.updateEndOffsets(Map.of(mine, 10L));

        partitions.onPartitionsAssigned(consumer, List.of(mine));

        assertThat(backlogCalls).containsExactly(Map.of(mine, 5L), Map.of(mine, 10L));
        assertThat(partitions.superseded(TOPIC, PARTITION, 5, APP.subject())).as("an older rendering in the backlog").isTrue();
        assertThat(partitions.superseded(TOPIC, PARTITION, 8, APP.subject())).as("the app's last one in the backlog").isFalse();
        assertThat(partitions.superseded(TOPIC, PARTITION, 9, "Kustomization/flux-system/other")).isFalse();
        assertThat(partitions.superseded(TOPIC, PARTITION, 11, APP.subject())).as("new work after the backlog").isFalse();
        assertThat(partitions.superseded(TOPIC, (PARTITION + 1) % 6, 1, APP.subject())).as("a partition without backlog").isFalse();
    }
}
