package io.sluice.api.flagger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Flagger's manifests read into the typed models and written back unchanged, unknown fields included. */
class FlaggerDocsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void canaryFieldsAreTyped() throws IOException {
        Canary canary = Serialization.unmarshal(documents().get(0), Canary.class);

        assertThat(Canary.API_VERSION).isEqualTo("flagger.app/v1beta1");
        CanarySpec spec = canary.getSpec();
        assertThat(spec.getProvider()).isEqualTo("gatewayapi:v1");
        assertThat(spec.getTargetRef().getName()).isEqualTo("podinfo");
        assertThat(spec.getTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(spec.getProgressDeadlineSeconds()).isEqualTo(60);
        assertThat(spec.getService().getPort()).isEqualTo(9898);
        assertThat(spec.getService().getTargetPort().getIntVal()).isEqualTo(9898);
        assertThat(spec.getService().getGatewayRefs()).singleElement()
                .satisfies(ref -> assertThat(ref.getNamespace()).isEqualTo("projectcontour"));
        CanaryAnalysis analysis = spec.getAnalysis();
        assertThat(analysis.getInterval()).isEqualTo("1m");
        assertThat(analysis.getThreshold()).isEqualTo(5);
        assertThat(analysis.getStepWeights()).containsExactly(1, 2, 10, 80);
        assertThat(analysis.getMetrics().get(0).getTemplateRef().getNamespace()).isEqualTo("flagger-system");
        assertThat(analysis.getMetrics().get(0).getThresholdRange().getMax()).isEqualTo(1.0);
        assertThat(analysis.getMetrics().get(0).getTemplateVariables()).containsEntry("direction", "inbound");
        assertThat(analysis.getWebhooks().get(0).getType()).isEqualTo("pre-rollout");
        assertThat(spec.getAdditionalProperties()).containsEntry("futureField", "kept");

        CanaryStatus status = canary.getStatus();
        assertThat(status.getPhase()).isEqualTo("Progressing");
        assertThat(status.getCanaryWeight()).isEqualTo(20);
        assertThat(status.getFailedChecks()).isEqualTo(1);
        assertThat(status.getLastPromotedSpec()).isEqualTo("7c9d4f8b5");
        assertThat(status.getTrackedConfigs()).containsKey("configmap/podinfo-config");
        assertThat(status.getConditions()).singleElement().satisfies(condition -> {
            assertThat(condition.getType()).isEqualTo("Promoted");
            assertThat(condition.getLastUpdateTime()).isEqualTo("2024-05-01T10:02:00Z");
        });
    }

    @Test
    void metricTemplateFieldsAreTyped() throws IOException {
        MetricTemplate template = Serialization.unmarshal(documents().get(1), MetricTemplate.class);

        assertThat(template.getSpec().getProvider().getType()).isEqualTo("prometheus");
        assertThat(template.getSpec().getProvider().getSecretRef().getName()).isEqualTo("prom-auth");
        assertThat(template.getSpec().getQuery()).contains("{{ namespace }}_{{ target }}-canary");
    }

    @Test
    void bothRoundTripUnchanged() throws IOException {
        List<String> documents = documents();
        assertRoundTrip(documents.get(0), Canary.class);
        assertRoundTrip(documents.get(1), MetricTemplate.class);
    }

    private static void assertRoundTrip(String yaml, Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> type) throws IOException {
        JsonNode original = YAML.readTree(yaml);
        JsonNode written = YAML.readTree(Serialization.asYaml(Serialization.unmarshal(yaml, type)));
        // thresholdRange bounds are doubles, so `max: 1` is written back as `1.0`: the same number to the API server.
        Comparator<JsonNode> sameValue = (a, b) -> a.isNumber() && b.isNumber()
                ? Double.compare(a.doubleValue(), b.doubleValue())
                : a.equals(b) ? 0 : 1;
        assertThat(written.equals(sameValue, original)).as("written back:%n%s", written).isTrue();
    }

    private static List<String> documents() throws IOException {
        try (InputStream in = FlaggerDocsTest.class.getResourceAsStream("/flagger-docs/canary-gatewayapi.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return List.of(text.split("\n---\n"));
        }
    }
}
