package io.sluice.kit.reconcile;

import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.sluice.api.meta.ObjectKey;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which objects this replica is responsible for. Replicas of a service share the partitions of one of its
 * input topics through their consumer group; an object belongs to the replica that holds the partition its key
 * ({@code kind/namespace/name}) falls in, computed as Kafka's default partitioner does:
 * {@code toPositive(murmur2(key)) % partitions}. Only that replica does the object's periodic work (polling,
 * interval renders, drift checks), so no two replicas do the same work; a single replica holds every partition
 * and does all of it.
 *
 * <p>Each service subclasses this as a CDI bean with an {@code @Identifier} and names it as the
 * {@code consumer-rebalance-listener.name} of the channel whose partitions decide ownership; after every
 * assignment {@code onAssigned} gets the newly owned partitions, so newly owned objects are reconciled at once.
 */
public abstract class PartitionOwnership implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(PartitionOwnership.class);

    /** Fired (as a CDI event, by the subclass) after partitions were added to this replica. */
    public record PartitionsAssigned(Set<Integer> partitions) {
    }

    private final String topic;
    private final Consumer<PartitionsAssigned> onAssigned;
    private final Set<Integer> owned = new HashSet<>();
    private int partitionCount;

    /**
     * @param topic      the full topic name whose partitions decide ownership
     * @param onAssigned called with the newly added partitions after each assignment
     */
    protected PartitionOwnership(String topic, Consumer<PartitionsAssigned> onAssigned) {
        this.topic = topic;
        this.onAssigned = onAssigned;
    }

    /** True when this replica holds the partition of {@code object}'s key; false before the first assignment. */
    public synchronized boolean owns(ObjectKey object) {
        return partitionCount > 0 && owned.contains(partitionFor(object.subject(), partitionCount));
    }

    /** Kafka's default partitioner for a String key. */
    public static int partitionFor(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public void onPartitionsAssigned(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> added = new HashSet<>();
        partitions.stream().filter(p -> p.topic().equals(topic)).forEach(p -> added.add(p.partition()));
        if (added.isEmpty()) {
            return;
        }
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        synchronized (this) {
            partitionCount = infos == null ? partitionCount : infos.size();
            owned.addAll(added);
            LOG.infof("This replica now owns partitions %s of %s (%d partitions): it does the periodic work of the objects whose keys fall there",
                    owned, topic, partitionCount);
        }
        onAssigned.accept(new PartitionsAssigned(Set.copyOf(added)));
    }

    @Override
    public void onPartitionsRevoked(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        remove(partitions);
    }

    @Override
    public void onPartitionsLost(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        remove(partitions);
    }

    private synchronized void remove(Collection<TopicPartition> partitions) {
        partitions.stream().filter(p -> p.topic().equals(topic)).forEach(p -> owned.remove(p.partition()));
    }
}
