package io.sluice.apply.reconcile;

import io.smallrye.common.annotation.Identifier;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.api.meta.ObjectKey;
import io.sluice.kit.messaging.EventDecoder;
import io.sluice.kit.reconcile.PartitionOwnership;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Which Kustomizations this replica reconciles, and their desired states. Registered as the rebalance listener
 * of the {@code render-manifests} channel ({@code consumer-rebalance-listener.name=apply-service-partitions}):
 * a Kustomization belongs to the replica holding the partition of {@code render.manifests} its key falls in
 * (the kit's {@link PartitionOwnership}), the same replica that receives its renderings.
 *
 * <p>The compacted topic is apply-service's state store. When partitions are assigned (start-up, rebalance), it
 * reads each of them once, before the channel consumes anything, with {@link RenderingsRestore}, and puts the
 * latest rendering per app below the group's committed position into {@link DesiredStates} as <em>restored</em>; records from the committed position on are delivered by the channel as new work. Then it
 * fires {@link RenderingsRestored}, so the restored Kustomizations get their interval runs back. Revoked or lost
 * partitions take their desired states with them (the next owner restores them).
 *
 * <p>The records from the committed position to the end of the partition (the backlog: what was published while
 * this replica was down, or handled but not yet committed when it died) are delivered again in order. Applying
 * each of them would take the cluster back through older revisions before it reaches the newest (an object
 * pruned by a later revision would come back for a moment). So the same pass notes the last offset of each app in
 * the backlog, and {@link #superseded} tells the channel to skip a rendering a later one in the backlog
 * replaces: after a restart only the newest rendering of each app is applied.
 */
@Singleton // not a client proxy: the kit's superclass has no no-args constructor
@Identifier(ApplyPartitions.NAME) // how the channel finds it
@Default                          // how the triggers inject it
public class ApplyPartitions extends PartitionOwnership {

    public static final String NAME = "apply-service-partitions";

    /** Fired after partitions were assigned and their desired states restored. */
    public record RenderingsRestored(List<ObjectKey> apps) {
    }

    private final String topic;
    private final DesiredStates desired;
    private final BiFunction<Map<TopicPartition, Long>, Map<TopicPartition, Long>, RenderingsRestore.Restored> restore;
    private final java.util.function.Consumer<RenderingsRestored> restored;
    /** Per partition and record key: the offset of the app's last rendering in the backlog at assignment. */
    private final Map<TopicPartition, Map<String, Long>> lastInBacklog = new ConcurrentHashMap<>();

    @Inject
    ApplyPartitions(TopicsConfig topics, Event<PartitionsAssigned> assigned, Event<RenderingsRestored> restored,
                    KustomizationApplyHandler handler, EventDecoder decoder,
                    @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                    @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this(topics.name(Topic.RENDER_MANIFESTS), assigned::fire, restored::fire, handler.desiredStates(),
                new RenderingsRestore(kafkaConfig, bootstrapServers,
                        record -> decoder.decode(record, ManifestsRendered.class).data(), Duration.ofMinutes(2))::read);
    }

    /**
     * @param topic    the full name of {@code render.manifests}
     * @param assigned told about newly assigned partitions (the kit's contract)
     * @param restored told which apps were restored
     * @param desired  where restored renderings go
     * @param restore  reads the partitions once, given the committed positions and the end offsets
     *                 ({@link RenderingsRestore#read})
     */
    ApplyPartitions(String topic, java.util.function.Consumer<PartitionsAssigned> assigned,
                    java.util.function.Consumer<RenderingsRestored> restored, DesiredStates desired,
                    BiFunction<Map<TopicPartition, Long>, Map<TopicPartition, Long>, RenderingsRestore.Restored> restore) {
        super(topic, assigned);
        this.topic = topic;
        this.desired = desired;
        this.restore = restore;
        this.restored = restored;
    }

    /**
     * True when a later rendering of the same app follows this record in the backlog this replica found at
     * assignment: it is skipped, the later one is applied.
     */
    public boolean superseded(String topic, int partition, long offset, String key) {
        Map<String, Long> last = lastInBacklog.get(new TopicPartition(topic, partition));
        if (last == null || key == null) {
            return false;
        }
        Long lastOffset = last.get(key);
        if (lastOffset != null && offset >= lastOffset) {
            last.remove(key, lastOffset); // the backlog of this app is done
        }
        return lastOffset != null && offset < lastOffset;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<TopicPartition> mine = new HashSet<>();
        partitions.stream().filter(p -> p.topic().equals(topic)).forEach(mine::add);
        List<ManifestsRendered> renderings = List.of();
        if (!mine.isEmpty()) {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(mine);
            Map<TopicPartition, Long> until = new HashMap<>();
            for (TopicPartition partition : mine) {
                OffsetAndMetadata position = committed.get(partition);
                until.put(partition, position == null ? 0L : position.offset());
            }
            RenderingsRestore.Restored found = restore.apply(until, consumer.endOffsets(mine));
            renderings = found.renderings();
            renderings.forEach(desired::restored);
            mine.forEach(partition -> lastInBacklog.put(partition,
                    new ConcurrentHashMap<>(found.lastInBacklog().getOrDefault(partition, Map.of()))));
        }
        super.onPartitionsAssigned(consumer, partitions);
        if (!renderings.isEmpty()) {
            restored.accept(new RenderingsRestored(renderings.stream().map(ManifestsRendered::app).toList()));
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        super.onPartitionsRevoked(consumer, partitions);
        forget(consumer, partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        super.onPartitionsLost(consumer, partitions);
        forget(consumer, partitions);
    }

    private void forget(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(lastInBacklog::remove);
        Set<Integer> gone = new HashSet<>();
        partitions.stream().filter(p -> p.topic().equals(topic)).forEach(p -> gone.add(p.partition()));
        if (gone.isEmpty()) {
            return;
        }
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            return;
        }
        int count = infos.size();
        desired.forgetAll(app -> gone.contains(partitionFor(app.subject(), count)));
    }
}
