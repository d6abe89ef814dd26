package io.sluice.kit.config;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.sluice.api.messaging.Topic;
import io.sluice.api.messaging.TopicsConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsConfigReaderTest {

    private static SmallRyeConfig config(Map<String, String> properties, Map<String, String> env) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 250))
                .withSources(new EnvConfigSource(env, 300))
                .build();
    }

    @Test
    void readsPropertiesAndEnvironmentVariables() {
        TopicsConfig topics = TopicsConfigReader.read(config(
                Map.of("sluice.topics.prefix", "dev.", "sluice.topics.git.push.partitions", "2"),
                Map.of("SLUICE_TOPICS_GIT_PUSH_PARTITIONS", "9", "SLUICE_TOPICS_EVENTS_RETENTION", "3d")));
        assertThat(topics.name(Topic.GIT_PUSH)).isEqualTo("dev.git.push");
        assertThat(topics.settings(Topic.GIT_PUSH).partitions()).as("environment wins, as in MicroProfile Config").isEqualTo(9);
        assertThat(topics.settings(Topic.EVENTS).retention()).hasDays(3);
    }

    @Test
    void aMisspeltKeyIsReported() {
        assertThatThrownBy(() -> TopicsConfigReader.read(config(Map.of("sluice.topics.git.push.partition", "2"), Map.of())))
                .hasMessageContaining("unknown topic setting 'sluice.topics.git.push.partition'");
    }

    @Test
    void nothingConfiguredMeansDefaults() {
        assertThat(TopicsConfigReader.read(config(Map.of(), Map.of())).settings(Topic.EVENTS))
                .isEqualTo(TopicsConfig.defaults().settings(Topic.EVENTS));
    }
}
