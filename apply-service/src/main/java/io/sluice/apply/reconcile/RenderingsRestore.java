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
 * Reads partitions of the compacted {@code render.manifests} topic from their beginning up to given offsets
 * (the consumer group's committed positions) with a consumer of its own, and returns the latest rendering per
 * app found there. This is how apply-service gets its desired states back after a restart or a rebalance:
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

    /** The latest rendering per app in each partition below its offset, in the order they were last seen. */
    public List<ManifestsRendered> read(Map<TopicPartition, Long> until) {
        Map<TopicPartition, Long> todo = new HashMap<>();
        until.forEach((partition, offset) -> {
            if (offset != null && offset > 0) {
                todo.put(partition, offset);
            }
        });
        if (todo.isEmpty()) {
            return List.of();
        }
        Map<String, ManifestsRendered> latest = new LinkedHashMap<>();
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
                    if (record.offset() >= todo.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // new work: the channel delivers it
                    }
                    take(record, latest);
                }
            }
        }
        LOG.infof("Restored %d desired state(s) from %s", latest.size(), todo);
        return List.copyOf(latest.values());
    }

    /**
     * The offset of the last record of each key in each partition between {@code from} (inclusive) and
     * {@code to} (exclusive): the backlog the channel is about to deliver. Only keys are read.
     */
    public Map<TopicPartition, Map<String, Long>> lastOffsets(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<TopicPartition, Long> todo = new HashMap<>();
        to.forEach((partition, end) -> {
            long start = from.getOrDefault(partition, 0L);
            if (end != null && end > start) {
                todo.put(partition, end);
            }
        });
        Map<TopicPartition, Map<String, Long>> last = new HashMap<>();
        if (todo.isEmpty()) {
            return last;
        }
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(todo.keySet());
            todo.keySet().forEach(partition -> consumer.seek(partition, from.getOrDefault(partition, 0L)));
            Set<TopicPartition> open = new HashSet<>(todo.keySet());
            while (true) {
                open.removeIf(partition -> consumer.position(partition) >= todo.get(partition));
                if (open.isEmpty() || Instant.now().isAfter(deadline)) {
                    break;
                }
                consumer.pause(complement(todo.keySet(), open));
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.key() != null && record.offset() < todo.get(partition)) {
                        last.computeIfAbsent(partition, p -> new HashMap<>()).put(record.key(), record.offset());
                    }
                }
            }
        }
        return last;
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
