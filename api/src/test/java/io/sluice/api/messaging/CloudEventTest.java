package io.sluice.api.messaging;

import io.sluice.api.events.GitPushed;
import io.sluice.api.events.SampleEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventTest {

    private static final Instant T = Instant.parse("2026-11-27T23:00:00Z");

    @Test
    void ofTakesTypeAndSubjectFromTheData() {
        CloudEvent<GitPushed> event = CloudEvent.of("id", "/sluice/x", T, SampleEvents.gitPushed());
        assertThat(event.type()).isEqualTo("io.sluice.git.pushed.v1");
        assertThat(event.subject()).isEqualTo("https://github.com/acme/podinfo");
    }

    @Test
    void typeAndSubjectMustMatchTheData() {
        assertThatThrownBy(() -> new CloudEvent<>("id", "/sluice/x", "io.sluice.image.pushed.v1", "https://github.com/acme/podinfo", T, SampleEvents.gitPushed()))
                .hasMessageContaining("CloudEvent type 'io.sluice.image.pushed.v1' does not match its data, a GitPushed");
        assertThatThrownBy(() -> new CloudEvent<>("id", "/sluice/x", "io.sluice.git.pushed.v1", "other", T, SampleEvents.gitPushed()))
                .hasMessageContaining("CloudEvent subject 'other' does not match its data's subject 'https://github.com/acme/podinfo'");
    }

    @Test
    void idSourceTimeAndDataAreRequired() {
        assertThatThrownBy(() -> CloudEvent.of(" ", "/sluice/x", T, SampleEvents.gitPushed())).hasMessageContaining("needs an id");
        assertThatThrownBy(() -> CloudEvent.of("id", "", T, SampleEvents.gitPushed())).hasMessageContaining("a source");
        assertThatThrownBy(() -> CloudEvent.of("id", "/sluice/x", null, SampleEvents.gitPushed())).hasMessageContaining("a time");
        assertThatThrownBy(() -> CloudEvent.of("id", "/sluice/x", T, null)).hasMessageContaining("needs data");
    }
}
