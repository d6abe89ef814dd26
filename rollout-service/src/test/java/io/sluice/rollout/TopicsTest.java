package io.sluice.rollout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.messaging.Topic;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import io.sluice.sandbox.testing.ProvisionedTopics;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The topic this service produces exists once it has started, with its dead-letter topic, created by the service
 * (six partitions, its cleanup policy) rather than auto-created by the broker.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
class TopicsTest {

    @Test
    void producedTopicAndItsDeadLetterTopicExist() throws Exception {
        ProvisionedTopics.assertProvisioned(List.of(Topic.EVENTS));
    }
}
