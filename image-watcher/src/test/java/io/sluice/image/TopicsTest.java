package io.sluice.image;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.messaging.Topic;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import io.sluice.sandbox.testing.ProvisionedTopics;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The topics this service produces and consumes exist once it has started, with their dead-letter topics, and were created by
 * the service (six partitions and the topic's cleanup policy) rather than auto-created by the broker (one
 * partition, delete).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
class TopicsTest {

    /** What image-watcher produces and consumes: the kit provisions both, so a consumer never meets a missing topic. */
    private static final List<Topic> PROVISIONED = List.of(Topic.IMAGE_POLICY, Topic.EVENTS, Topic.RECONCILE_REQUESTS, Topic.IMAGE_PUSH, Topic.SOURCE_ARTIFACT);

    @Test
    void producedAndConsumedTopicsAndTheirDeadLetterTopicsExist() throws Exception {
        ProvisionedTopics.assertProvisioned(PROVISIONED);
    }
}
