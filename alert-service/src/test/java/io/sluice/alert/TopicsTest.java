package io.sluice.alert;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.messaging.Topic;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics this service produces and consumes exist once it has started, with their dead-letter topics, and were created by
 * the service (six partitions and the topic's cleanup policy) rather than auto-created by the broker (one
 * partition, delete).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
class TopicsTest {

    /** What alert-service produces and consumes: the kit provisions both, so a consumer never meets a missing topic. */
    private static final List<Topic> PROVISIONED = List.of(Topic.EVENTS, Topic.APPLY_RESULT, Topic.IMAGE_POLICY);

    @Test
    void producedAndConsumedTopicsAndTheirDeadLetterTopicsExist() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaResource.kafka().bootstrapServers()))) {
            List<String> names = new ArrayList<>();
            for (Topic topic : PROVISIONED) {
                names.add("sluice." + topic.suffix());
                names.add("sluice." + topic.suffix() + Topic.DLQ_SUFFIX);
            }
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
            for (String name : names) {
                assertThat(described.get(name).partitions()).as("partitions of %s", name).hasSize(Topic.DEFAULT_PARTITIONS);
            }
            for (Topic topic : PROVISIONED) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "sluice." + topic.suffix());
                String policy = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS)
                        .get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
                assertThat(policy).as("cleanup.policy of %s", resource.name()).isEqualTo(topic.cleanupPolicy().kafkaValue());
            }
        }
    }
}
