package io.sluice.api.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How one Kafka topic is to be created.
 *
 * @param name              the full topic name, e.g. {@code sluice.git.push} or {@code sluice.git.push.dlq}
 * @param partitions        number of partitions
 * @param replicationFactor replicas per partition, or {@link #BROKER_DEFAULT} for the broker's
 *                          {@code default.replication.factor}
 * @param cleanupPolicy     delete or compact
 * @param retention         how long records are kept; null for compacted topics (they keep the latest per key)
 */
public record TopicSettings(String name, int partitions, int replicationFactor, CleanupPolicy cleanupPolicy,
                            Duration retention) {

    /** Let the broker choose the replication factor (its {@code default.replication.factor}). */
    public static final int BROKER_DEFAULT = -1;

    public TopicSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name is empty");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least 1 partition, got " + partitions);
        }
        if (replicationFactor != BROKER_DEFAULT && replicationFactor < 1) {
            throw new IllegalArgumentException("topic " + name + " needs a replication factor of at least 1 (or -1 for the broker's default), got " + replicationFactor);
        }
        if (cleanupPolicy == null) {
            throw new IllegalArgumentException("topic " + name + " needs a cleanup policy");
        }
        if (cleanupPolicy == CleanupPolicy.DELETE && (retention == null || retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException("topic " + name + " deletes old records, so it needs a positive retention, got " + retention);
        }
        if (cleanupPolicy == CleanupPolicy.COMPACT && retention != null) {
            throw new IllegalArgumentException("topic " + name + " is compacted and keeps the latest record per key; a retention does not apply to it");
        }
    }

    /** The topic-level configs Sluice sets: {@code cleanup.policy} and, for delete topics, {@code retention.ms}. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.kafkaValue());
        if (retention != null) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        }
        return configs;
    }

    /** The Admin API request that creates this topic. */
    public NewTopic toNewTopic() {
        Optional<Short> replicas = replicationFactor == BROKER_DEFAULT ? Optional.empty() : Optional.of((short) replicationFactor);
        return new NewTopic(name, Optional.of(partitions), replicas).configs(configs());
    }
}
