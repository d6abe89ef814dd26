package io.sluice.kit.config;

import io.sluice.api.messaging.Topic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicListTest {

    @Test
    void readsSuffixesInOrderWithoutRepeats() {
        assertThat(TopicList.parse("k", Optional.of(List.of("git.push", " events ", "git.push", ""))))
                .containsExactly(Topic.GIT_PUSH, Topic.EVENTS);
        assertThat(TopicList.parse("k", Optional.empty())).isEmpty();
    }

    @Test
    void unknownSuffixNamesTheKeyAndTheValidOnes() {
        assertThatThrownBy(() -> TopicList.parse("sluice.service.produces", Optional.of(List.of("sluice.git.push"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sluice.service.produces lists 'sluice.git.push', which is not a Sluice topic")
                .hasMessageContaining("git.push, image.push, source.artifact");
    }

    @Test
    void unionKeepsOrder() {
        assertThat(TopicList.union(List.of(Topic.EVENTS, Topic.GIT_PUSH), List.of(Topic.GIT_PUSH, Topic.IMAGE_PUSH)))
                .containsExactly(Topic.EVENTS, Topic.GIT_PUSH, Topic.IMAGE_PUSH);
    }
}
