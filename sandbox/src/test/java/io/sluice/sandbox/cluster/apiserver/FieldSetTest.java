package io.sluice.sandbox.cluster.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSetTest {

    private static JsonNode json(String text) {
        return Json.parse(text, "test");
    }

    @Test
    void fieldsOfAnObjectInFieldsV1Notation() {
        JsonNode deployment = json("""
                {"apiVersion":"apps/v1","kind":"Deployment",
                 "metadata":{"name":"web","namespace":"default","uid":"u","labels":{"app":"web"},"finalizers":["a/b"]},
                 "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                  "template":{"spec":{"containers":[{"name":"web","image":"nginx","args":["-v"],
                    "ports":[{"containerPort":80,"protocol":"TCP"}]}]}}}}
                """);
        FieldSet fields = ObjectFields.of(deployment, FieldSchema.builtIn("Deployment"));
        assertThat(Json.write(fields.toFieldsV1())).isEqualTo("{\"f:metadata\":{\"f:finalizers\":{\"v:\\\"a/b\\\"\":{}},"
                + "\"f:labels\":{\"f:app\":{}}},\"f:spec\":{\"f:replicas\":{},\"f:selector\":{},\"f:template\":{\"f:spec\":"
                + "{\"f:containers\":{\"k:{\\\"name\\\":\\\"web\\\"}\":{\".\":{},\"f:args\":{},\"f:image\":{},\"f:name\":{},"
                + "\"f:ports\":{\"k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},"
                + "\"f:containerPort\":{},\"f:protocol\":{}}}}}}}}}");
        assertThat(FieldSet.fromFieldsV1(fields.toFieldsV1())).isEqualTo(fields);
    }

    @Test
    void pathsDisplayAsTheApiServerPrintsThem() {
        FieldPath image = FieldPath.ROOT.field("spec").field("containers").key(json("{\"name\":\"web\"}")).field("image");
        assertThat(image.display()).isEqualTo(".spec.containers[name=\"web\"].image");
        FieldPath port = FieldPath.ROOT.field("ports").key(json("{\"containerPort\":80,\"protocol\":\"TCP\"}"));
        assertThat(port.display()).isEqualTo(".ports[containerPort=80,protocol=\"TCP\"]");
        assertThat(FieldPath.ROOT.field("metadata").field("finalizers").value(json("\"x\"")).display())
                .isEqualTo(".metadata.finalizers[=\"x\"]");
    }

    @Test
    void removingTheLastEntryOfAMapRemovesTheMap() {
        ObjectNode object = (ObjectNode) json("{\"metadata\":{\"name\":\"x\",\"labels\":{\"a\":\"1\"}},\"data\":{\"k\":\"v\"}}");
        ObjectFields.remove(object, FieldPath.ROOT.field("metadata").field("labels").field("a"));
        assertThat(Json.write(object)).isEqualTo("{\"metadata\":{\"name\":\"x\"},\"data\":{\"k\":\"v\"}}");
    }

    @Test
    void aMapListWhoseItemsLackTheKeysIsTreatedAsAtomic() {
        JsonNode pod = json("{\"spec\":{\"containers\":[{\"image\":\"a\"},{\"image\":\"b\"}]}}");
        FieldSet fields = ObjectFields.of(pod, FieldSchema.builtIn("Pod"));
        assertThat(fields.members()).containsExactly(new FieldPath(List.of("f:spec", "f:containers")));
    }
}
