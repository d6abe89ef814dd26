package io.sluice.sandbox.cluster.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** managedFields of Update operations and the order and times of entries, as a real server records them. */
class UpdateOwnershipTest {

    private static final FieldSchema CONFIG_MAP = FieldSchema.builtIn("ConfigMap");

    private static ObjectNode object(String text) {
        return (ObjectNode) Json.parse(text, "test");
    }

    private static String fields(List<ManagedFields.Entry> entries, String manager) {
        return entries.stream().filter(e -> e.manager().equals(manager)).findFirst()
                .map(e -> Json.write(e.fields().toFieldsV1())).orElse("none");
    }

    @Test
    void anUpdateOwnsTheMapsAndListsItCreatesButNotThoseThatWereThere() {
        ObjectNode empty = object("{\"metadata\":{\"creationTimestamp\":null}}");
        ObjectNode created = object("{\"metadata\":{\"name\":\"c\",\"labels\":{\"app\":\"demo\"}},\"data\":{\"a\":\"1\"}}");
        List<ManagedFields.Entry> entries = ManagedFields.recordUpdate(List.of(), empty, created, "unknown", "v1", "",
                CONFIG_MAP);
        assertThat(fields(entries, "unknown")).isEqualTo("{\"f:data\":{\".\":{},\"f:a\":{}},\"f:metadata\":{\"f:labels\":"
                + "{\".\":{},\"f:app\":{}}}}");

        ObjectNode edited = object("{\"metadata\":{\"name\":\"c\",\"labels\":{\"app\":\"demo\"}},\"data\":{\"a\":\"1\",\"b\":\"2\"}}");
        List<ManagedFields.Entry> afterEdit = ManagedFields.recordUpdate(entries, created, edited, "editor", "v1", "",
                CONFIG_MAP);
        assertThat(fields(afterEdit, "editor")).as("data existed: only the new key").isEqualTo("{\"f:data\":{\"f:b\":{}}}");

        JsonNode deploymentSkeleton = object("{\"spec\":{\"template\":{\"metadata\":{\"creationTimestamp\":null},"
                + "\"spec\":{\"containers\":null}},\"strategy\":{}},\"status\":{}}");
        ObjectNode deployment = object("{\"spec\":{\"template\":{\"metadata\":{\"creationTimestamp\":null},\"spec\":"
                + "{\"containers\":[{\"name\":\"web\",\"image\":\"x\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"}]}]}},"
                + "\"strategy\":{\"type\":\"RollingUpdate\"}},\"status\":{}}");
        assertThat(fields(ManagedFields.recordUpdate(List.of(), deploymentSkeleton, deployment, "m", "apps/v1", "",
                FieldSchema.builtIn("Deployment")), "m")).isEqualTo("{\"f:spec\":{\"f:strategy\":{\"f:type\":{}},"
                        + "\"f:template\":{\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"web\\\"}\":{\".\":{},"
                        + "\"f:image\":{},\"f:name\":{},\"f:ports\":{\".\":{},\"k:{\\\"containerPort\\\":80,\\\"protocol\\\":"
                        + "\\\"TCP\\\"}\":{\".\":{},\"f:containerPort\":{},\"f:protocol\":{}}}}}}}}}");
    }

    @Test
    void anUpdateThatChangesNothingKeepsItsTimeAndScaleWritesHaveNone() {
        ObjectNode live = object("{\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"1\"}}");
        List<ManagedFields.Entry> entries = List.of(new ManagedFields.Entry("m", ManagedFields.UPDATE, "v1", "",
                "2020-01-01T00:00:00Z", FieldSet.fromFieldsV1(Json.parse("{\"f:data\":{\"f:a\":{}}}", "f"))));
        assertThat(ManagedFields.recordUpdate(entries, live, live.deepCopy(), "m", "v1", "", CONFIG_MAP).get(0).time())
                .isEqualTo("2020-01-01T00:00:00Z");
        ObjectNode scaled = object("{\"spec\":{\"replicas\":5}}");
        assertThat(ManagedFields.recordUpdate(List.of(), object("{\"spec\":{\"replicas\":2}}"), scaled, "hpa", "apps/v1",
                "scale", FieldSchema.builtIn("Deployment")).get(0).time()).isNull();
    }

    @Test
    void entriesAreOrderedApplyFirstThenByTimeThenByManager() {
        FieldSet some = FieldSet.fromFieldsV1(Json.parse("{\"f:data\":{\"f:a\":{}}}", "f"));
        ObjectNode object = object("{\"metadata\":{}}");
        ManagedFields.write(object, List.of(
                new ManagedFields.Entry("kubectl-edit", ManagedFields.UPDATE, "v1", "", "2020-01-01T00:00:00Z", some),
                new ManagedFields.Entry("mgr-b", ManagedFields.APPLY, "v1", "", "2020-01-01T00:00:01Z", some),
                new ManagedFields.Entry("mgr-a", ManagedFields.APPLY, "v1", "", "2020-01-01T00:00:01Z", some),
                new ManagedFields.Entry("mgr-c", ManagedFields.APPLY, "v1", "", null, some)));
        List<String> managers = new java.util.ArrayList<>();
        object.path("metadata").path("managedFields").forEach(e -> managers.add(e.path("manager").asText()));
        assertThat(managers).containsExactly("mgr-c", "mgr-a", "mgr-b", "kubectl-edit");
    }

    @Test
    void conflictsNameAppliersByNameAndUpdatersWithTheirVersionAndSubresource() {
        assertThat(new ManagedFields.Entry("mgr-a", ManagedFields.APPLY, "v1", "", null, FieldSet.EMPTY).describe())
                .isEqualTo("\"mgr-a\"");
        assertThat(new ManagedFields.Entry("hpa", ManagedFields.UPDATE, "apps/v1", "scale", null, FieldSet.EMPTY).describe())
                .isEqualTo("\"hpa\" with subresource \"scale\" using apps/v1");
    }

    @Test
    void aPortWithoutProtocolIsKeyedWithTheDefaultProtocol() {
        ObjectNode applied = object("{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"s\"},"
                + "\"spec\":{\"ports\":[{\"port\":80,\"targetPort\":8080}]}}");
        assertThat(Json.write(ObjectFields.of(applied, FieldSchema.builtIn("Service")).toFieldsV1())).isEqualTo(
                "{\"f:spec\":{\"f:ports\":{\"k:{\\\"port\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:port\":{},"
                        + "\"f:targetPort\":{}}}}}");
        ObjectNode live = object("{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"s\"},"
                + "\"spec\":{\"ports\":[{\"protocol\":\"TCP\",\"port\":80,\"targetPort\":8080}]}}");
        JsonNode merged = ServerSideApply.merge(live, applied, List.of(), FieldSchema.builtIn("Service"));
        assertThat(merged.path("spec").path("ports")).as("the same port, not a second one").hasSize(1);
    }
}
