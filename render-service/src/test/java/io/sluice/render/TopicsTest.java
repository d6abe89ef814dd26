package io.sluice.render;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.messaging.Topic;
import io.sluice.sandbox.cluster.SandboxClusterResource;
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
@QuarkusTestResource(SandboxClusterResource.class) // the same resources as every test here: one application start
class TopicsTest {

    /** What render-service produces and consumes: the kit provisions both, so a consumer never meets a missing topic. */
    private static final List<Topic> PROVISIONED = List.of(Topic.RENDER_MANIFESTS, Topic.EVENTS, Topic.SOURCE_ARTIFACT, Topic.RECONCILE_REQUESTS);

    @Test
    void producedAndConsumedTopicsAndTheirDeadLetterTopicsExist() throws Exception {
        ProvisionedTopics.assertProvisioned(PROVISIONED);
    }
}
