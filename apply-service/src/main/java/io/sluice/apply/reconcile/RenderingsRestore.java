package io.sluice.apply.reconcile;

import io.sluice.api.events.ManifestsRendered;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads partitions of the compacted {@code render.manifests} topic from their beginning to their end with a
 * consumer of its own, and returns the latest rendering per app found below the consumer group's committed
 * positions, and the last offset of each app in the rest (the backlog). This is how apply-service gets its desired states back after a restart or a rebalance:
 * the records below the committed position were handled before, so they are restored, not applied; the
 * channel's consumer then goes on from the committed position with new work.
 *
 * <p>The consumer has no group and commits nothing, so the group's offsets never move backwards. A record
 * that cannot be decoded is skipped with a warning (it went to the dead-letter topic when it was first read); a
 * tombstone (null value) removes its app.
 */
public final class RenderingsRestore {

    private static final Logger LOG = Logger.getLogger(RenderingsRestore.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> consumerSettings;
    private final Function<ConsumerRecord<String, byte[]>, ManifestsRendered> decoder;
    private final Duration timeout;

    /**
     * @param kafkaConfig      the service's Kafka client settings ({@code kafka.*}: TLS, SASL, ...); what a consumer
     *                         does not understand is left out
     * @param bootstrapServers the brokers
     * @param decoder          turns a record into its ManifestsRendered (throws when it is not one)
     * @param timeout          how long a restore may take before it gives up with what it has read
     */
    public RenderingsRestore(Map<String, Object> kafkaConfig, String bootstrapServers,
                             Function<ConsumerRecord<String, byte[]>, ManifestsRendered> decoder, Duration timeout) {
        Set<String> consumerKeys = ConsumerConfig.configNames();
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (consumerKeys.contains(key)) {
                settings.put(key, value);
            }
        });
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "apply-service-restore");
        this.consumerSettings = settings;
        this.decoder = decoder;
        this.timeout = timeout;
    }

    /**
     * What one pass over the assigned partitions found.
     *
     * @param renderings    the latest rendering per app below the committed positions, in the order last seen
     * @param lastInBacklog per partition and record key, the offset of the key's last record from the committed
     *                      position to the end: the backlog the channel is about to deliver
     */
    public record Restored(List<ManifestsRendered> renderings, Map<TopicPartition, Map<String, Long>> lastInBacklog) {
        public static final Restored NOTHING = new Restored(List.of(), Map.of());
    }

    /**
     * Reads each partition once, from its beginning to its end offset: records below the committed position are
     * decoded and restored; of the records after it (the backlog) only the keys are read.
     */
    public Restored read(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> todo = new HashMap<>();
        ends.forEach((partition, end) -> {
            if (end != null && end > 0) {
                todo.put(partition, end);
            }
        });
        if (todo.isEmpty()) {
            return Restored.NOTHING;
        }
        Map<String, ManifestsRendered> latest = new LinkedHashMap<>();
        Map<TopicPartition, Map<String, Long>> lastInBacklog = new HashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(todo.keySet());
            consumer.seekToBeginning(todo.keySet());
            Set<TopicPartition> open = new HashSet<>(todo.keySet());
            while (true) {
                open.removeIf(partition -> consumer.position(partition) >= todo.get(partition));
                if (open.isEmpty()) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    LOG.warnf("Restoring desired states from %s took longer than %s; going on with the %d read so far."
                            + " The others are applied when their next rendering arrives", open, timeout, latest.size());
                    break;
                }
                consumer.pause(complement(todo.keySet(), open));
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= todo.get(partition)) {
                        continue; // published after the assignment: plain new work
                    }
                    if (record.offset() < committed.getOrDefault(partition, 0L)) {
                        take(record, latest);
                    } else if (record.key() != null) {
                        lastInBacklog.computeIfAbsent(partition, p -> new HashMap<>()).put(record.key(), record.offset());
                    }
                }
            }
        }
        LOG.infof("Restored %d desired state(s) from %s (committed positions %s)", latest.size(), todo, committed);
        return new Restored(List.copyOf(latest.values()), lastInBacklog);
    }

    private void take(ConsumerRecord<String, byte[]> record, Map<String, ManifestsRendered> latest) {
        if (record.value() == null) {
            latest.remove(record.key());
            return;
        }
        try {
            ManifestsRendered rendering = decoder.apply(record);
            latest.remove(record.key()); // keep "last seen" order
            latest.put(record.key(), rendering);
        } catch (RuntimeException e) {
            LOG.warnf("Skipping %s-%d@%d while restoring desired states: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private static Set<TopicPartition> complement(Set<TopicPartition> all, Set<TopicPartition> open) {
        Set<TopicPartition> done = new HashSet<>(all);
        done.removeAll(open);
        return done;
    }
}
