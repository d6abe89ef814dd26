package io.sluice.sandbox.cluster.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Server-side apply and patch merging on plain JSON trees, without a server. */
class MergeSemanticsTest {

    private static final ObjectRef REF = new ObjectRef("test.sluice.io", "widgets", "default", "w");

    /** A CRD schema: spec.items is a list-map keyed by id, spec.tags a set, spec.plain atomic. */
    private static final FieldSchema WIDGET = FieldSchema.custom("Widget", Json.parse("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "items":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["id"],
                       "items":{"type":"object","properties":{"id":{"type":"string"},"size":{"type":"integer"}}}},
              "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
              "plain":{"type":"array","items":{"type":"string"}},
              "selector":{"type":"object","x-kubernetes-map-type":"atomic"}}}}}
            """, "schema"));

    private static ObjectNode widget(String spec) {
        return (ObjectNode) Json.parse("{\"apiVersion\":\"test.sluice.io/v1\",\"kind\":\"Widget\",\"metadata\":"
                + "{\"name\":\"w\",\"namespace\":\"default\"},\"spec\":" + spec + "}", "widget");
    }

    private static JsonNode spec(ObjectNode object) {
        return object.get("spec");
    }

    @Test
    void crdListTypesDriveTheMerge() {
        ObjectNode first = ServerSideApply.apply(null, widget("""
                {"items":[{"id":"a","size":1}],"tags":["x"],"plain":["p","q"],"selector":{"k":"v","l":"w"}}"""),
                "one", false, "", WIDGET, REF);
        ObjectNode second = ServerSideApply.apply(first, widget("""
                {"items":[{"id":"b","size":2}],"tags":["y"],"plain":["r"],"selector":{"k":"z"}}"""),
                "two", true, "", WIDGET, REF);
        assertThat(Json.write(spec(second))).isEqualTo("{\"items\":[{\"id\":\"a\",\"size\":1},{\"id\":\"b\",\"size\":2}],"
                + "\"tags\":[\"x\",\"y\"],\"plain\":[\"r\"],\"selector\":{\"k\":\"z\"}}");
    }

    @Test
    void listsOfACrdWithoutListTypeAreAtomic() {
        FieldSchema untyped = FieldSchema.custom("Widget", null);
        ObjectNode first = ServerSideApply.apply(null, widget("{\"items\":[{\"id\":\"a\"}]}"), "one", false, "",
                untyped, REF);
        assertThatThrownBy(() -> ServerSideApply.apply(first, widget("{\"items\":[{\"id\":\"b\"}]}"), "two", false, "",
                untyped, REF)).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Apply failed with 1 conflict: conflict with \"one\": .spec.items"));
    }

    @Test
    void droppingAnItemKeepsItWhileAnotherManagerOwnsAFieldInIt() {
        ObjectNode first = ServerSideApply.apply(null, widget("{\"items\":[{\"id\":\"a\",\"size\":1}]}"), "one", false,
                "", WIDGET, REF);
        ObjectNode shared = ServerSideApply.apply(first, widget("{\"items\":[{\"id\":\"a\",\"size\":1}]}"), "two", false,
                "", WIDGET, REF);
        ObjectNode dropped = ServerSideApply.apply(shared, widget("{}"), "one", false, "", WIDGET, REF);
        assertThat(Json.write(spec(dropped))).isEqualTo("{\"items\":[{\"id\":\"a\",\"size\":1}]}");
        ObjectNode gone = ServerSideApply.apply(dropped, widget("{}"), "two", false, "", WIDGET, REF);
        assertThat(gone.path("spec").path("items").isMissingNode() || gone.path("spec").path("items").isEmpty()).isTrue();
    }

    @Test
    void jsonMergePatchFollowsRfc7386() {
        JsonNode target = Json.parse("{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"},\"l\":[1,2]}", "target");
        JsonNode patch = Json.parse("{\"a\":\"z\",\"c\":{\"f\":null},\"l\":[3],\"n\":{\"m\":null}}", "patch");
        assertThat(Json.write(Patches.mergePatch(target, patch)))
                .isEqualTo("{\"a\":\"z\",\"c\":{\"d\":\"e\"},\"l\":[3],\"n\":{}}");
    }

    @Test
    void strategicMergePatchReplaceDirectiveAndPrimitiveListDeletion() {
        JsonNode live = Json.parse("""
                {"metadata":{"finalizers":["a","b"]},"spec":{"containers":[{"name":"x","image":"1"},{"name":"y"}]}}""",
                "live");
        JsonNode patch = Json.parse("""
                {"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]},
                 "spec":{"containers":[{"$patch":"replace"},{"name":"z"}]}}""", "patch");
        assertThat(Json.write(Patches.strategicMergePatch(live, patch, "Pod")))
                .isEqualTo("{\"metadata\":{\"finalizers\":[\"b\"]},\"spec\":{\"containers\":[{\"name\":\"z\"}]}}");
    }
}
