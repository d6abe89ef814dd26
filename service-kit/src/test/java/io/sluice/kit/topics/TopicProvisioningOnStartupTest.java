package io.sluice.kit.topics;

import io.sluice.api.messaging.TopicProvisioningException;
import io.sluice.api.messaging.TopicsConfig;
import io.sluice.kit.config.ServiceConfig;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up bean without Quarkus, for the cases that need no broker. */
class TopicProvisioningOnStartupTest {

    private static TopicProvisioningOnStartup bean(List<String> produces, String bootstrapServers) {
        TopicProvisioningOnStartup bean = new TopicProvisioningOnStartup();
        bean.service = new ServiceConfig() {
            public String name() {
                return "source-service";
            }

            public Optional<List<String>> produces() {
                return Optional.of(produces);
            }

            public Optional<List<String>> consumes() {
                return Optional.empty();
            }

            public boolean provisionTopics() {
                return true;
            }

            public Duration kafkaTimeout() {
                return Duration.ofSeconds(2);
            }
        };
        bean.topics = TopicsConfig.defaults();
        bean.kafkaConfig = Map.of();
        bean.bootstrapServers = bootstrapServers;
        return bean;
    }

    @Test
    void unreachableKafkaFailsStartUpNamingServiceAndServersWithinTheTimeout() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> bean(List.of("source.artifact"), "127.0.0.1:" + closedPort).provision())
                .isInstanceOf(TopicProvisioningException.class)
                .hasMessageContaining("source-service cannot start: provisioning its Kafka topics on kafka.bootstrap.servers=127.0.0.1:" + closedPort)
                .hasMessageContaining("did not answer within 2000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aBadTopicListFailsBeforeContactingKafka() {
        assertThatThrownBy(() -> bean(List.of("git-push"), "127.0.0.1:1").provision())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sluice.service.produces lists 'git-push'");
    }

    @Test
    void noTopicsMeansNothingToDo() {
        assertThat(bean(List.of(), "127.0.0.1:1").provision().created()).isEmpty();
    }
}
