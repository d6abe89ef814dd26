package io.sluice.api.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicSettingsTest {

    @Test
    void deleteTopicsSetPolicyAndRetention() {
        TopicSettings settings = new TopicSettings("sluice.git.push", 6, 3, CleanupPolicy.DELETE, Duration.ofDays(7));
        assertThat(settings.configs()).isEqualTo(Map.of("cleanup.policy", "delete", "retention.ms", "604800000"));
        NewTopic topic = settings.toNewTopic();
        assertThat(topic.name()).isEqualTo("sluice.git.push");
        assertThat(topic.numPartitions()).isEqualTo(6);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).isEqualTo(settings.configs());
    }

    @Test
    void compactedTopicsSetOnlyThePolicyAndBrokerDefaultReplication() {
        TopicSettings settings = new TopicSettings("sluice.source.artifact", 6, TopicSettings.BROKER_DEFAULT, CleanupPolicy.COMPACT, null);
        assertThat(settings.configs()).isEqualTo(Map.of("cleanup.policy", "compact"));
        assertThat(settings.toNewTopic().replicationFactor()).isEqualTo((short) -1);
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> new TopicSettings("t", 0, 1, CleanupPolicy.DELETE, Duration.ofDays(1))).hasMessageContaining("at least 1 partition");
        assertThatThrownBy(() -> new TopicSettings("t", 1, 0, CleanupPolicy.DELETE, Duration.ofDays(1))).hasMessageContaining("replication factor");
        assertThatThrownBy(() -> new TopicSettings("t", 1, 1, CleanupPolicy.DELETE, null)).hasMessageContaining("needs a positive retention");
        assertThatThrownBy(() -> new TopicSettings("t", 1, 1, CleanupPolicy.COMPACT, Duration.ofDays(1))).hasMessageContaining("retention does not apply");
    }
}
