package io.sluice.api.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    static List<SluiceEvent> events() {
        return SampleEvents.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyEventSurvivesJson(SluiceEvent event) throws Exception {
        byte[] json = EventJson.writer().writeValueAsBytes(event);
        SluiceEvent read = EventJson.reader().forType(event.getClass()).readValue(json);
        assertThat(read).isEqualTo(event);
        assertThat(read.subject()).isEqualTo(event.subject());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void jsonHoldsTheRecordComponentsOnly(SluiceEvent event) throws Exception {
        JsonNode tree = EventJson.reader().readTree(EventJson.writer().writeValueAsBytes(event));
        List<String> components = java.util.Arrays.stream(event.getClass().getRecordComponents()).map(c -> c.getName()).toList();
        List<String> fields = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(fields::add);
        assertThat(components).containsAll(fields);
        assertThat(fields).doesNotContain("subject", "eventType", "type", "topic");
    }

    @Test
    void gitPushedJsonIsPlainAndTimesAreIsoStrings() throws Exception {
        String json = EventJson.writer().writeValueAsString(SampleEvents.gitPushed());
        assertThat(json).isEqualTo("{\"provider\":\"github\","
                + "\"repository\":{\"http\":\"https://github.com/Acme/Podinfo.git\",\"ssh\":\"git@github.com:Acme/Podinfo.git\"},"
                + "\"ref\":\"refs/heads/main\",\"before\":\"" + SampleEvents.SHA_B + "\",\"after\":\"" + SampleEvents.SHA_A + "\","
                + "\"deliveryId\":\"72d3162e-cc78-11e3-81ab-4c9367dc0958\",\"receivedAt\":\"2026-11-27T22:41:17.123Z\"}");
    }

    @Test
    void durationsDigestsAndEnumsAreStrings() throws Exception {
        JsonNode apply = EventJson.reader().readTree(EventJson.writer().writeValueAsBytes(SampleEvents.applyCompleted()));
        assertThat(apply.get("duration").asText()).isEqualTo("PT12.5S");
        assertThat(apply.get("health").get("status").asText()).isEqualTo("healthy");
        assertThat(apply.get("changeSet").get(0).get("action").asText()).isEqualTo("created");
        assertThat(apply.get("app").get("kind").asText()).isEqualTo("Kustomization");

        JsonNode artifact = EventJson.reader().readTree(EventJson.writer().writeValueAsBytes(SampleEvents.artifactReady()));
        assertThat(artifact.get("digest").asText()).isEqualTo("sha256:" + "ab".repeat(32));
        assertThat(artifact.get("size").asLong()).isEqualTo(4096);

        JsonNode event = EventJson.reader().readTree(EventJson.writer().writeValueAsBytes(SampleEvents.objectEvent()));
        assertThat(event.get("severity").asText()).isEqualTo("error");
    }

    @Test
    void manifestsSayWhichFormTheyTake() throws Exception {
        JsonNode inline = EventJson.reader().readTree(EventJson.writer().writeValueAsBytes(SampleEvents.manifestsRenderedInline()));
        assertThat(inline.get("manifests").get("mode").asText()).isEqualTo("inline");
        assertThat(inline.get("manifests").get("gzip").isTextual()).as("gzip bytes are base64 text").isTrue();

        JsonNode claim = EventJson.reader().readTree(EventJson.writer().writeValueAsBytes(SampleEvents.manifestsRenderedClaimCheck()));
        assertThat(claim.get("manifests").get("mode").asText()).isEqualTo("claim-check");
        assertThat(claim.get("manifests").get("url").asText()).startsWith("http://render-service");
    }

    @Test
    void unknownFieldsAreIgnoredSoOptionalFieldsCanBeAdded() throws Exception {
        String json = "{\"object\":{\"kind\":\"GitRepository\",\"namespace\":\"flux-system\",\"name\":\"podinfo\"},"
                + "\"requestedAt\":\"2026-11-27T22:41:17.123Z\",\"requestedBy\":\"sluice-cli\",\"priority\":\"high\"}";
        ReconcileRequested read = EventJson.reader().forType(ReconcileRequested.class).readValue(json);
        assertThat(read).isEqualTo(SampleEvents.reconcileRequested());
    }

    @Test
    void missingRequiredFieldIsRejectedWithItsName() {
        String json = "{\"object\":{\"kind\":\"GitRepository\",\"namespace\":\"flux-system\",\"name\":\"podinfo\"},\"requestedBy\":\"sluice-cli\"}";
        assertThatThrownBy(() -> EventJson.reader().forType(ReconcileRequested.class).readValue(json))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("ReconcileRequested.requestedAt is required");
    }

    @Test
    void missingSizeIsAnErrorNotZero() {
        String json = "{\"source\":{\"kind\":\"GitRepository\",\"namespace\":\"a\",\"name\":\"b\"},\"revision\":\"main@sha1:" + SampleEvents.SHA_A
                + "\",\"url\":\"http://x/a.tar.gz\",\"digest\":\"sha256:" + "ab".repeat(32) + "\"}";
        assertThatThrownBy(() -> EventJson.reader().forType(ArtifactReady.class).readValue(json))
                .hasMessageContaining("size");
    }

    @Test
    void unknownEnumValueIsRejected() {
        String json = "{\"involvedObject\":{\"kind\":\"Kustomization\",\"namespace\":\"a\",\"name\":\"b\"},\"severity\":\"warning\","
                + "\"reason\":\"R\",\"message\":\"m\",\"timestamp\":\"2026-11-27T22:41:17Z\",\"reportingController\":\"x\"}";
        assertThatThrownBy(() -> EventJson.reader().forType(ObjectEvent.class).readValue(json))
                .hasMessageContaining("unknown severity 'warning'");
    }
}
