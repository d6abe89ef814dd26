package io.sluice.cli.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Whether a service's consumer group has committed every record of a topic: it has nothing left to redo. */
final class ConsumerGroupProgress {

    private final String bootstrap;

    ConsumerGroupProgress(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Waits until {@code group}'s committed offsets on every partition of {@code topic} reach the partition's end. */
    void awaitCaughtUp(String group, String topic, Duration timeout) throws InterruptedException, ExecutionException {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Map<TopicPartition, Long> lag = lag(admin, group, topic);
                if (lag.values().stream().allMatch(l -> l == 0)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Consumer group " + group + " has not committed every record of " + topic + " within "
                            + timeout.toSeconds() + " s; records left per partition: " + lag);
                }
                Thread.sleep(250);
            }
        }
    }

    private static Map<TopicPartition, Long> lag(Admin admin, String group, String topic) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            OffsetAndMetadata done = committed.get(e.getKey());
            return e.getValue().offset() - (done == null ? 0 : done.offset());
        }));
    }
}
