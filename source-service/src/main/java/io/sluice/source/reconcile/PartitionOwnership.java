package io.sluice.source.reconcile;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.api.meta.ObjectKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Default;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which objects this replica is responsible for. Replicas of source-service share the partitions of
 * {@code reconcile.requests} through their consumer group; an object belongs to the replica that holds the
 * partition its key {@code GitRepository/<namespace>/<name>} falls in, computed as Kafka's default partitioner
 * does: {@code toPositive(murmur2(key)) % partitions}. Only that replica polls the object on its interval and
 * reacts to its creation and spec changes, so no two replicas fetch the same repository; a single replica holds
 * every partition and does all the work.
 *
 * <p>Registered as the rebalance listener of the {@code reconcile-requests} channel
 * ({@code consumer-rebalance-listener.name=source-service-partitions}); after every assignment it fires
 * {@link PartitionsAssigned} so newly owned objects are reconciled at once.
 */
@ApplicationScoped
@Identifier(PartitionOwnership.NAME) // how the channel finds it
@Default                             // how the reconciler injects it
public class PartitionOwnership implements KafkaConsumerRebalanceListener {

    public static final String NAME = "source-service-partitions";

    private static final Logger LOG = Logger.getLogger(PartitionOwnership.class);

    /** Fired after partitions were added to this replica. */
    public record PartitionsAssigned(Set<Integer> partitions) {
    }

    private final String topic;
    private final Event<PartitionsAssigned> assigned;
    private final Set<Integer> owned = new HashSet<>();
    private int partitionCount;

    PartitionOwnership(TopicsConfig topics, Event<PartitionsAssigned> assigned) {
        this.topic = topics.name(Topic.RECONCILE_REQUESTS);
        this.assigned = assigned;
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
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> added = new HashSet<>();
        partitions.stream().filter(p -> p.topic().equals(topic)).forEach(p -> added.add(p.partition()));
        if (added.isEmpty()) {
            return;
        }
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        synchronized (this) {
            partitionCount = infos == null ? partitionCount : infos.size();
            owned.addAll(added);
            LOG.infof("This replica now owns partitions %s of %s (%d partitions): it polls the objects whose keys fall there",
                    owned, topic, partitionCount);
        }
        assigned.fire(new PartitionsAssigned(Set.copyOf(added)));
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        remove(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        remove(partitions);
    }

    private synchronized void remove(Collection<TopicPartition> partitions) {
        partitions.stream().filter(p -> p.topic().equals(topic)).forEach(p -> owned.remove(p.partition()));
    }
}
