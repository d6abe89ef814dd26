package io.sluice.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.messaging.Topic;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import io.sluice.sandbox.testing.ProvisionedTopics;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The topics this service produces exist once it has started, with their dead-letter topics, and were created by
 * the service (six partitions and the topic's cleanup policy) rather than auto-created by the broker (one
 * partition, delete).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
class TopicsTest {

    private static final List<Topic> PRODUCED = List.of(Topic.GIT_PUSH, Topic.IMAGE_PUSH, Topic.RECONCILE_REQUESTS, Topic.EVENTS);

    @Test
    void producedTopicsAndTheirDeadLetterTopicsExist() throws Exception {
        ProvisionedTopics.assertProvisioned(PRODUCED);
    }
}
