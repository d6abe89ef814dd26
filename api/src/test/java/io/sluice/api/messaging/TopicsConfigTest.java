package io.sluice.api.messaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsConfigTest {

    @Test
    void defaultsFollowTheTopicsTable() {
        TopicsConfig config = TopicsConfig.defaults();
        assertThat(config.name(Topic.GIT_PUSH)).isEqualTo("sluice.git.push");
        assertThat(config.dlqName(Topic.GIT_PUSH)).isEqualTo("sluice.git.push.dlq");
        assertThat(config.settings(Topic.GIT_PUSH))
                .isEqualTo(new TopicSettings("sluice.git.push", 6, TopicSettings.BROKER_DEFAULT, CleanupPolicy.DELETE, Duration.ofDays(7)));
        assertThat(config.settings(Topic.SOURCE_ARTIFACT).cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(config.settings(Topic.SOURCE_ARTIFACT).retention()).isNull();
        assertThat(config.settings(Topic.RENDER_MANIFESTS).cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(config.settings(Topic.IMAGE_POLICY).cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(config.settings(Topic.RECONCILE_REQUESTS).retention()).isEqualTo(Duration.ofDays(1));
        assertThat(config.dlqSettings(Topic.SOURCE_ARTIFACT))
                .isEqualTo(new TopicSettings("sluice.source.artifact.dlq", 6, TopicSettings.BROKER_DEFAULT, CleanupPolicy.DELETE, Duration.ofDays(14)));
    }

    @Test
    void everyTopicHasADistinctName() {
        TopicsConfig config = TopicsConfig.defaults();
        assertThat(java.util.Arrays.stream(Topic.values()).map(config::name))
                .containsExactly("sluice.git.push", "sluice.image.push", "sluice.source.artifact", "sluice.render.manifests",
                        "sluice.apply.result", "sluice.image.policy", "sluice.events", "sluice.reconcile.requests");
    }

    @Test
    void overridesApplyPerTopicAndGlobally() {
        TopicsConfig config = TopicsConfig.from(Map.of(
                "sluice.topics.prefix", "dev.",
                "sluice.topics.partitions", "3",
                "sluice.topics.replication-factor", "3",
                "sluice.topics.git.push.partitions", "12",
                "sluice.topics.git.push.retention", "2d",
                "sluice.topics.events.retention", "PT12H",
                "sluice.topics.dlq.retention", "30d",
                "kafka.bootstrap.servers", "ignored:9092"));
        assertThat(config.settings(Topic.GIT_PUSH))
                .isEqualTo(new TopicSettings("dev.git.push", 12, 3, CleanupPolicy.DELETE, Duration.ofDays(2)));
        assertThat(config.dlqSettings(Topic.GIT_PUSH))
                .isEqualTo(new TopicSettings("dev.git.push.dlq", 12, 3, CleanupPolicy.DELETE, Duration.ofDays(30)));
        assertThat(config.settings(Topic.EVENTS).retention()).isEqualTo(Duration.ofHours(12));
        assertThat(config.settings(Topic.APPLY_RESULT).partitions()).isEqualTo(3);
    }

    @Test
    void anEmptyPrefixIsAllowed() {
        assertThat(TopicsConfig.from(Map.of("sluice.topics.prefix", "")).name(Topic.EVENTS)).isEqualTo("events");
    }

    @Test
    void topicNamedFindsTheTopicOfAFullName() {
        TopicsConfig config = TopicsConfig.defaults();
        assertThat(config.topicNamed("sluice.git.push")).contains(Topic.GIT_PUSH);
        assertThat(config.topicNamed("sluice.git.push.dlq")).isEmpty();
        assertThat(config.topicNamed("other.git.push")).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "sluice.topics.partitions|zero|sluice.topics.partitions = 'zero' is invalid: give a whole number of partitions",
            "sluice.topics.partitions|0|sluice.topics.partitions = '0' is invalid",
            "sluice.topics.git.push.partitions|-2|sluice.topics.git.push.partitions = '-2' is invalid",
            "sluice.topics.replication-factor|0|sluice.topics.replication-factor = '0' is invalid",
            "sluice.topics.git.push.retention|7|sluice.topics.git.push.retention = '7' is invalid: give a positive duration with a unit",
            "sluice.topics.git.push.retention|P0D|sluice.topics.git.push.retention = 'P0D' is invalid",
            "sluice.topics.dlq.retention|soon|sluice.topics.dlq.retention = 'soon' is invalid",
            "sluice.topics.prefix|bad prefix/|sluice.topics.prefix = 'bad prefix/' is invalid",
            "sluice.topics.source.artifact.retention|7d|topic source.artifact is compacted",
            "sluice.topics.git-push.partitions|3|unknown topic setting 'sluice.topics.git-push.partitions'",
            "sluice.topics.git.push.replicas|3|unknown topic setting 'sluice.topics.git.push.replicas'",
            "sluice.topics.dlq.partitions|3|unknown topic setting 'sluice.topics.dlq.partitions'",
    })
    void badValuesNameTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> TopicsConfig.from(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void unknownKeyListsTheTopics() {
        assertThatThrownBy(() -> TopicsConfig.from(Map.of("sluice.topics.gitpush.partitions", "3")))
                .hasMessageContaining("git.push, image.push, source.artifact, render.manifests, apply.result, image.policy, events, reconcile.requests");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"500ms, PT0.5S", "90s, PT1M30S", "30m, PT30M", "12h, PT12H", "7d, PT168H", "P7D, PT168H", "pt1h, PT1H"})
    void durationsWithUnitsOrIso(String text, String expected) {
        assertThat(TopicsConfig.duration("k", text)).isEqualTo(Duration.parse(expected));
    }

    @Test
    void knownKeysAreAllAccepted() {
        Map<String, String> all = new java.util.HashMap<>();
        for (String key : TopicsConfig.knownKeys()) {
            all.put(key, key.endsWith("retention") ? "3d" : key.endsWith("prefix") ? "x." : "2");
        }
        assertThat(TopicsConfig.knownKeys()).contains("sluice.topics.git.push.retention", "sluice.topics.render.manifests.partitions")
                .doesNotContain("sluice.topics.render.manifests.retention");
        TopicsConfig config = TopicsConfig.from(all);
        assertThat(config.settings(Topic.EVENTS)).isEqualTo(new TopicSettings("x.events", 2, 2, CleanupPolicy.DELETE, Duration.ofDays(3)));
    }
}
