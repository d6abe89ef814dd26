package io.sluice.sandbox.cluster.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decoding bodies as the real server does: repeated keys found, built-in objects checked against their Go types
 * (wrong types, unknown fields under each fieldValidation), and the round trip through the Go type.
 */
class DecodingTest {

    private static final BuiltInTypes TYPES = new BuiltInTypes();

    private static ObjectNode object(String text) {
        return (ObjectNode) Json.parse(text, "test");
    }

    private static ValueType.Struct type(String apiVersion, String kind) {
        return TYPES.of(apiVersion, kind).orElseThrow();
    }

    @Test
    void repeatedKeysAreFoundWithTheirPathInJsonAndTheirLineInYaml() throws Exception {
        BodyReader.Body json = BodyReader.read("{\"data\":{\"a\":\"1\",\"a\":\"2\"},\"l\":[{\"x\":1,\"x\":2}]}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(json.duplicates()).containsExactly("data.a", "l[0].x");
        assertThat(json.tree().path("data").path("a").asText()).as("the last value wins").isEqualTo("2");
        BodyReader.Body yaml = BodyReader.read("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup3\ndata:\n  a: \"1\"\n  a: \"2\"\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(yaml.duplicates()).containsExactly("line 7: key \"a\" already set in map");
        assertThat(yaml.tree().path("metadata").path("name").asText()).isEqualTo("dup3");
    }

    @Test
    void unknownFieldsAreDroppedAndWarnedAboutOrRefusedUnderStrict() {
        String body = """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":1,
                 "template":{"spec":{"containers":[{"name":"web","image":"nginx","bogusContainerField":1}]}},
                 "bogusSpecField":true}}""";
        Warnings warnings = new Warnings();
        ObjectNode warned = object(body);
        BuiltInDecoding.decode(warned, type("apps/v1", "Deployment"), "Deployment", "v1", List.of(), FieldValidation.WARN,
                warnings);
        assertThat(warned.path("spec").has("bogusSpecField")).isFalse();
        assertThat(warned.path("spec").path("template").path("spec").path("containers").get(0).has("bogusContainerField"))
                .isFalse();
        assertThat(warnings.addTo(new MockResponse()).headers("Warning")).containsExactly(
                "299 - \"unknown field \\\"spec.template.spec.containers[0].bogusContainerField\\\"\"",
                "299 - \"unknown field \\\"spec.bogusSpecField\\\"\"");

        Warnings none = new Warnings();
        BuiltInDecoding.decode(object(body), type("apps/v1", "Deployment"), "Deployment", "v1", List.of(),
                FieldValidation.IGNORE, none);
        assertThat(none.isEmpty()).isTrue();

        assertThatThrownBy(() -> BuiltInDecoding.decode(object(body), type("apps/v1", "Deployment"), "Deployment", "v1",
                List.of(), FieldValidation.STRICT, new Warnings())).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Deployment in version \"v1\" cannot be handled as a Deployment: "
                            + "strict decoding error: unknown field \"spec.template.spec.containers[0].bogusContainerField\", "
                            + "unknown field \"spec.bogusSpecField\"");
                });
        assertThatThrownBy(() -> BuiltInDecoding.decode(object("{\"data\":{\"a\":\"2\"}}"), type("v1", "ConfigMap"),
                "ConfigMap", "v1", List.of("data.a"), FieldValidation.STRICT, new Warnings()))
                .hasMessage("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: "
                        + "duplicate field \"data.a\"");
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedWithGosMessage() {
        assertThatThrownBy(() -> BuiltInDecoding.decode(object("{\"data\":{\"a\":1}}"), type("v1", "ConfigMap"),
                "ConfigMap", "v1", List.of(), FieldValidation.WARN, new Warnings())).isInstanceOfSatisfying(
                        ApiException.class, e -> {
                            assertThat(e.code()).isEqualTo(400);
                            assertThat(e.getMessage()).isEqualTo("ConfigMap in version \"v1\" cannot be handled as a "
                                    + "ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type "
                                    + "string");
                        });
        assertThatThrownBy(() -> BuiltInDecoding.decode(object("""
                {"spec":{"replicas":"two","template":{"spec":{"containers":[{"name":"c","image":3}]}}}}"""),
                type("apps/v1", "Deployment"), "Deployment", "v1", List.of(), FieldValidation.WARN, new Warnings()))
                .hasMessageEndingWith("json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of "
                        + "type int32");
        assertThatThrownBy(() -> BuiltInDecoding.decode(object("{\"data\":{\"k\":\"not base64!\"}}"), type("v1", "Secret"),
                "Secret", "v1", List.of(), FieldValidation.WARN, new Warnings()))
                .hasMessage("Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 3");
    }

    @Test
    void theGoRoundTripDropsEmptyAndNullFieldsAndAddsStructFields() {
        ObjectNode configMap = object("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\","
                + "\"labels\":{}},\"data\":{},\"binaryData\":null}");
        GoRoundTrip.normalize(configMap, type("v1", "ConfigMap"));
        assertThat(Json.write(configMap)).isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":"
                + "{\"name\":\"c\",\"creationTimestamp\":null}}");

        ObjectNode deployment = object("""
                {"metadata":{"name":"d"},"spec":{"replicas":0,"template":{"spec":{"hostNetwork":false,
                 "containers":[{"name":"c","image":"x","env":[],"stdin":false}]}}}}""");
        GoRoundTrip.normalize(deployment, type("apps/v1", "Deployment"));
        assertThat(deployment.path("spec").path("replicas").asInt(-1)).as("a pointer keeps its zero").isZero();
        assertThat(deployment.path("spec").path("template").path("metadata").has("creationTimestamp")).isTrue();
        assertThat(deployment.path("spec").path("template").path("spec").has("hostNetwork")).isFalse();
        assertThat(Json.write(deployment.path("spec").path("template").path("spec").path("containers").get(0)))
                .isEqualTo("{\"name\":\"c\",\"image\":\"x\",\"resources\":{}}");
        assertThat(Json.write(deployment.get("status"))).isEqualTo("{}");
        assertThat(deployment.path("spec").has("strategy")).isTrue();
    }
}
