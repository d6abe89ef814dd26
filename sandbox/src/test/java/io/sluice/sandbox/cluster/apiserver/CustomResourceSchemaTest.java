package io.sluice.sandbox.cluster.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Custom resources against their CRD's structural schema: pruning, defaults and validation, worded as on a real server. */
class CustomResourceSchemaTest {

    private static final CrdSchema GADGET = CrdSchema.compile(Json.parse("""
            {"type":"object","properties":{
              "spec":{"type":"object","required":["size","color"],"properties":{
                "size":{"type":"integer","minimum":1,"maximum":10},
                "color":{"type":"string","enum":["red","green"]},
                "name":{"type":"string","maxLength":8,"pattern":"^[a-z]+$"},
                "tags":{"type":"array","maxItems":2,"items":{"type":"string"}},
                "mode":{"type":"string","default":"fast"},
                "limits":{"type":"object","additionalProperties":{"type":"integer"}},
                "extra":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
                "note":{"type":"string","nullable":true}}},
              "status":{"type":"object","properties":{"phase":{"type":"string"}}}}}""", "schema"));
    private static final ValueType.Struct OBJECT_META = (ValueType.Struct) new BuiltInTypes().of("v1", "ConfigMap")
            .orElseThrow().fields().get("metadata");

    private static ObjectNode gadget(String spec) {
        return (ObjectNode) Json.parse("{\"apiVersion\":\"s.example.com/v1\",\"kind\":\"Gadget\",\"metadata\":{\"name\":\"g\"},"
                + "\"spec\":" + spec + "}", "gadget");
    }

    private static String decode(ObjectNode gadget, FieldValidation validation, Warnings warnings) {
        CustomResourceDecoding.decode(gadget, GADGET, OBJECT_META, "Gadget", "v1", List.of(), validation, warnings);
        return Json.write(gadget.get("spec"));
    }

    private static List<String> errors(String spec) {
        ObjectNode gadget = gadget(spec);
        FieldErrors errors = new FieldErrors();
        CrdValidation.validate(gadget, GADGET, errors);
        return errors.errors().stream().map(FieldErrors.FieldError::toString).toList();
    }

    @Test
    void unknownFieldsArePrunedExceptWhereTheSchemaPreservesThemAndDefaultsAreFilledIn() {
        Warnings warnings = new Warnings();
        ObjectNode gadget = gadget("{\"size\":3,\"color\":\"red\",\"bogus\":1,\"extra\":{\"any\":{\"thing\":[1]}},"
                + "\"limits\":{\"cpu\":2},\"note\":null,\"name\":null}");
        gadget.put("topBogus", 1);
        ((ObjectNode) gadget.get("metadata")).put("nonsense", true);
        assertThat(decode(gadget, FieldValidation.WARN, warnings)).isEqualTo("{\"size\":3,\"color\":\"red\","
                + "\"extra\":{\"any\":{\"thing\":[1]}},\"limits\":{\"cpu\":2},\"note\":null,\"mode\":\"fast\"}");
        assertThat(gadget.has("topBogus")).isFalse();
        assertThat(gadget.path("metadata").has("nonsense")).isFalse();
        assertThat(warnings.addTo(new io.fabric8.mockwebserver.http.MockResponse()).headers("Warning")).containsExactly(
                "299 - \"unknown field \\\"metadata.nonsense\\\"\"", "299 - \"unknown field \\\"spec.bogus\\\"\"",
                "299 - \"unknown field \\\"topBogus\\\"\"");

        assertThatThrownBy(() -> decode(gadget("{\"size\":3,\"color\":\"red\",\"bogus\":1}"), FieldValidation.STRICT,
                new Warnings())).hasMessage("Gadget in version \"v1\" cannot be handled as a Gadget: strict decoding error: "
                        + "unknown field \"spec.bogus\"");
    }

    @Test
    void schemaViolationsAreFieldErrorsWithTheRealServersWording() {
        assertThat(errors("{\"size\":3,\"color\":\"red\"}")).isEmpty();
        assertThat(errors("{\"size\":3}")).containsExactly("spec.color: Required value");
        assertThat(errors("{\"size\":1,\"color\":\"blue\"}"))
                .containsExactly("spec.color: Unsupported value: \"blue\": supported values: \"red\", \"green\"");
        assertThat(errors("{\"size\":11,\"color\":\"red\"}"))
                .containsExactly("spec.size: Invalid value: 11: spec.size in body should be less than or equal to 10");
        assertThat(errors("{\"size\":0,\"color\":\"red\"}"))
                .containsExactly("spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1");
        assertThat(errors("{\"size\":\"3\",\"color\":\"red\"}")).containsExactly(
                "spec.size: Invalid value: \"string\": spec.size in body must be of type integer: \"string\"");
        assertThat(errors("{\"size\":1,\"color\":\"red\",\"name\":\"waytoolongname\"}"))
                .containsExactly("spec.name: Too long: may not be longer than 8");
        assertThat(errors("{\"size\":1,\"color\":\"red\",\"name\":\"Ab\"}"))
                .containsExactly("spec.name: Invalid value: \"Ab\": spec.name in body should match '^[a-z]+$'");
        assertThat(errors("{\"size\":1,\"color\":\"red\",\"tags\":\"notalist\"}")).containsExactly(
                "spec.tags: Invalid value: \"string\": spec.tags in body must be of type array: \"string\"");
        assertThat(errors("{\"size\":1,\"color\":\"red\",\"tags\":[\"a\",\"b\",\"c\"]}"))
                .containsExactly("spec.tags: Too many: 3: must have at most 2 items");
        assertThat(errors("{\"size\":1,\"color\":\"red\",\"limits\":{\"cpu\":\"x\"}}")).containsExactly(
                "spec.limits.cpu: Invalid value: \"string\": spec.limits.cpu in body must be of type integer: \"string\"");
    }
}
