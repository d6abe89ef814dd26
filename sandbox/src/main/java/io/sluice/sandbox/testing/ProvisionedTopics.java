package io.sluice.sandbox.testing;

import io.sluice.api.messaging.Topic;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Checks, on the broker of the running {@link EmbeddedKafkaResource}, that a service created its topics at start-up:
 * each topic and its dead-letter topic exist with {@link Topic#DEFAULT_PARTITIONS} partitions and the topic's cleanup
 * policy, which the broker's auto-creation (one partition, delete) would not give.
 */
public final class ProvisionedTopics {

    private ProvisionedTopics() {
    }

    /** Fails with the topic and what differs when one of {@code topics} (default prefix) was not provisioned. */
    public static void assertProvisioned(List<Topic> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaResource.kafka().bootstrapServers()))) {
            List<String> names = new ArrayList<>();
            for (Topic topic : topics) {
                names.add("sluice." + topic.suffix());
                names.add("sluice." + topic.suffix() + Topic.DLQ_SUFFIX);
            }
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
            for (String name : names) {
                int partitions = described.get(name).partitions().size();
                if (partitions != Topic.DEFAULT_PARTITIONS) {
                    throw new AssertionError("partitions of " + name + ": expected " + Topic.DEFAULT_PARTITIONS + " but was " + partitions);
                }
            }
            for (Topic topic : topics) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "sluice." + topic.suffix());
                String policy = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS)
                        .get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
                if (!topic.cleanupPolicy().kafkaValue().equals(policy)) {
                    throw new AssertionError("cleanup.policy of " + resource.name() + ": expected "
                            + topic.cleanupPolicy().kafkaValue() + " but was " + policy);
                }
            }
        }
    }
}
