package io.sluice.kit.topics;

import io.sluice.api.messaging.ProvisionResult;
import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicProvisioner;
import io.sluice.api.messaging.TopicProvisioningException;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.sandbox.kafka.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link TopicProvisioner} against a real (embedded) broker. Each test uses its own topic prefix. */
class TopicProvisionerBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static EmbeddedKafka kafka;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void createsEveryTopicAndItsDeadLetterTopicWithTheirSettings() throws Exception {
        TopicsConfig config = TopicsConfig.from(Map.of("sluice.topics.prefix", "all.", "sluice.topics.git.push.partitions", "4",
                "sluice.topics.events.retention", "2d"));
        ProvisionResult result = new TopicProvisioner(admin, config, TIMEOUT).provision(List.of(Topic.values()));

        assertThat(result.created()).hasSize(2 * Topic.values().length).contains("all.git.push", "all.git.push.dlq", "all.source.artifact.dlq");
        assertThat(result.existing()).isEmpty();
        assertThat(result.mismatches()).isEmpty();

        Map<String, TopicDescription> described = admin.describeTopics(result.created()).allTopicNames().get();
        assertThat(described.get("all.git.push").partitions()).hasSize(4);
        assertThat(described.get("all.git.push.dlq").partitions()).hasSize(4);
        assertThat(described.get("all.events").partitions()).hasSize(6);

        assertThat(config("all.git.push").get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(config("all.git.push").get("retention.ms").value()).isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
        assertThat(config("all.events").get("retention.ms").value()).isEqualTo(String.valueOf(Duration.ofDays(2).toMillis()));
        assertThat(config("all.source.artifact").get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(config("all.render.manifests").get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(config("all.image.policy").get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(config("all.reconcile.requests").get("retention.ms").value()).isEqualTo(String.valueOf(Duration.ofDays(1).toMillis()));
        assertThat(config("all.source.artifact.dlq").get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(config("all.source.artifact.dlq").get("retention.ms").value()).isEqualTo(String.valueOf(Duration.ofDays(14).toMillis()));
    }

    @Test
    void aSecondRunChangesNothing() {
        TopicsConfig config = TopicsConfig.from(Map.of("sluice.topics.prefix", "twice."));
        TopicProvisioner provisioner = new TopicProvisioner(admin, config, TIMEOUT);
        ProvisionResult first = provisioner.provision(Topic.GIT_PUSH, Topic.SOURCE_ARTIFACT);
        ProvisionResult second = provisioner.provision(Topic.GIT_PUSH, Topic.SOURCE_ARTIFACT);

        assertThat(first.created()).containsExactlyInAnyOrder("twice.git.push", "twice.git.push.dlq", "twice.source.artifact", "twice.source.artifact.dlq");
        assertThat(second.created()).isEmpty();
        assertThat(second.existing()).containsExactlyInAnyOrderElementsOf(first.created());
        assertThat(second.mismatches()).isEmpty();
        assertThat(second.requireNoMismatches()).isSameAs(second);
    }

    @Test
    void anExistingTopicWithAnotherCleanupPolicyIsReportedNotChanged() throws Exception {
        admin.createTopics(List.of(new NewTopic("wrong.source.artifact", 2, (short) 1).configs(Map.of("cleanup.policy", "delete")),
                new NewTopic("wrong.git.push", 1, (short) 1).configs(Map.of("cleanup.policy", "compact,delete")))).all().get();
        TopicsConfig config = TopicsConfig.from(Map.of("sluice.topics.prefix", "wrong."));

        ProvisionResult result = new TopicProvisioner(admin, config, TIMEOUT).provision(Topic.SOURCE_ARTIFACT, Topic.GIT_PUSH);

        assertThat(result.created()).containsExactlyInAnyOrder("wrong.source.artifact.dlq", "wrong.git.push.dlq");
        assertThat(result.mismatches()).extracting(m -> m.topic() + " " + m.expected() + " " + m.actual())
                .containsExactlyInAnyOrder("wrong.source.artifact compact delete", "wrong.git.push delete compact,delete");
        assertThatThrownBy(result::requireNoMismatches)
                .isInstanceOf(TopicProvisioningException.class)
                .hasMessageContaining("2 Kafka topic(s) are set up differently")
                .hasMessageContaining("topic wrong.source.artifact has cleanup.policy=delete but Sluice needs cleanup.policy=compact")
                .hasMessageContaining("kafka-configs.sh --alter --entity-type topics --entity-name wrong.source.artifact --add-config cleanup.policy=compact");
        assertThat(config("wrong.source.artifact").get("cleanup.policy").value()).as("left as it was").isEqualTo("delete");
        assertThat(admin.describeTopics(Set.of("wrong.source.artifact")).allTopicNames().get().get("wrong.source.artifact").partitions())
                .as("partitions are never changed").hasSize(2);
    }

    @Test
    void anUnreachableBrokerFailsWithinTheTimeoutAndSaysWhere() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Duration timeout = Duration.ofSeconds(2);
        try (Admin unreachable = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> new TopicProvisioner(unreachable, TopicsConfig.defaults(), timeout).provision(Topic.EVENTS))
                    .isInstanceOf(TopicProvisioningException.class)
                    .hasMessageContaining("listing topics")
                    .hasMessageContaining("kafka.bootstrap.servers");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    private static Config config(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }
}
