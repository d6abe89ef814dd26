package io.sluice.kit.messaging;

import io.sluice.api.messaging.TopicsConfig;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterConfigCheckTest {

    private static final TopicsConfig TOPICS = TopicsConfig.defaults();

    private static List<String> problems(Map<String, String> config) {
        return DeadLetterConfigCheck.problems(config.keySet(), name -> Optional.ofNullable(config.get(name)), TOPICS);
    }

    private static Map<String, String> consumer(String channel, String topic) {
        Map<String, String> config = new HashMap<>();
        config.put("mp.messaging.incoming." + channel + ".connector", "smallrye-kafka");
        config.put("mp.messaging.incoming." + channel + ".topic", topic);
        return config;
    }

    @Test
    void aConsumerWithTheRecommendedSetUpPasses() {
        Map<String, String> config = consumer("git-push", "sluice.git.push");
        config.put("mp.messaging.incoming.git-push.failure-strategy", "dead-letter-queue");
        config.put("mp.messaging.incoming.git-push.dead-letter-queue.topic", "sluice.git.push.dlq");
        assertThat(problems(config)).isEmpty();
    }

    @Test
    void aConsumerWithoutFailureStrategyIsReportedWithTheLinesToAdd() {
        assertThat(problems(consumer("git-push", "sluice.git.push"))).singleElement().asString()
                .contains("channel 'git-push' reads sluice.git.push with failure-strategy=fail")
                .contains("mp.messaging.incoming.git-push.failure-strategy=dead-letter-queue")
                .contains("mp.messaging.incoming.git-push.dead-letter-queue.topic=sluice.git.push.dlq");
    }

    @Test
    void theDefaultDeadLetterTopicNameIsNotEnough() {
        Map<String, String> config = consumer("events", "sluice.events");
        config.put("mp.messaging.incoming.events.failure-strategy", "dead-letter-queue");
        assertThat(problems(config)).singleElement().asString().contains("dead-letter topic dead-letter-topic-events");
    }

    @Test
    void aConnectorWideFailureStrategyCounts() {
        Map<String, String> config = consumer("events", "sluice.events");
        config.put("mp.messaging.connector.smallrye-kafka.failure-strategy", "dead-letter-queue");
        config.put("mp.messaging.incoming.events.dead-letter-queue.topic", "sluice.events.dlq");
        assertThat(problems(config)).isEmpty();
    }

    @Test
    void theChannelNameIsTheTopicWhenNoTopicIsSet() {
        Map<String, String> config = new HashMap<>();
        config.put("mp.messaging.incoming.\"sluice.git.push\".connector", "smallrye-kafka");
        assertThat(problems(config)).singleElement().asString()
                .contains("channel 'sluice.git.push' reads sluice.git.push")
                .contains("mp.messaging.incoming.\"sluice.git.push\".dead-letter-queue.topic=sluice.git.push.dlq");
        config.put("mp.messaging.incoming.\"sluice.git.push\".failure-strategy", "dead-letter-queue");
        config.put("mp.messaging.incoming.\"sluice.git.push\".dead-letter-queue.topic", "sluice.git.push.dlq");
        assertThat(problems(config)).isEmpty();
    }

    @Test
    void otherTopicsAndConnectorsAreNotChecked() {
        assertThat(problems(consumer("audit", "some.other.topic"))).isEmpty();
        Map<String, String> config = new HashMap<>();
        config.put("mp.messaging.incoming.mem.connector", "smallrye-in-memory");
        config.put("mp.messaging.incoming.mem.topic", "sluice.git.push");
        assertThat(problems(config)).isEmpty();
    }
}
