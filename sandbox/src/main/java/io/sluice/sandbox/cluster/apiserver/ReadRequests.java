package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** GET of an object (and its {@code status} and {@code scale}), of a list, and watches. Callers hold the store's monitor. */
final class ReadRequests {

    private final ObjectStore store;
    private final ResourceTypes types;

    ReadRequests(ObjectStore store, ResourceTypes types) {
        this.store = store;
        this.types = types;
    }

    MockResponse read(ResourcePath path) {
        if (path.name() == null) {
            if (path.flag("watch") || "1".equals(path.query().get("watch"))) {
                return watch(path);
            }
            return Responses.json(200, listAnswer(path));
        }
        ObjectNode object = store.require(path.ref(path.name()));
        if (path.subresource() == null || path.isStatus()) {
            return Responses.json(200, object);
        }
        if (path.subresource().equals("scale")) {
            return Responses.json(200, Scale.of(object));
        }
        throw path.unknownSubresource();
    }

    /** The list answer, as a tree (for DELETE of a collection, which goes on to delete its items). */
    ObjectNode list(ResourcePath path) {
        ArrayNode items = Json.array();
        store.list(path.group(), path.plural(), path.namespace(), selected(path)).forEach(entry -> items.add(entry.getValue()));
        ObjectNode list = listHead(path, () -> items.isEmpty() ? "" : items.get(0).path("kind").asText(""));
        list.set("items", items);
        return list;
    }

    /** The list answer as JSON, from each object's kept JSON ({@link ObjectStore#listJson}): no tree is copied or written. */
    private byte[] listAnswer(ResourcePath path) {
        List<byte[]> items = store.listJson(path.group(), path.plural(), path.namespace(), selected(path));
        ObjectNode head = listHead(path, () -> items.isEmpty() ? "" : Json.parse(items.get(0), "a stored object")
                .path("kind").asText(""));
        head.putArray("items");
        byte[] open = Json.writeBytes(head); // ... "items":[]}
        ByteArrayOutputStream out = new ByteArrayOutputStream(items.stream().mapToInt(i -> i.length + 1).sum() + open.length);
        out.write(open, 0, open.length - 2);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i));
        }
        out.writeBytes(new byte[] {']', '}'});
        return out.toByteArray();
    }

    private static Predicate<ObjectNode> selected(ResourcePath path) {
        LabelSelector labels = LabelSelector.parse(path.query().get("labelSelector"));
        FieldSelector fields = FieldSelector.parse(path.query().get("fieldSelector"));
        if (labels == LabelSelector.EVERYTHING && fields == FieldSelector.EVERYTHING) {
            return o -> true;
        }
        return o -> labels.matches(Json.labels(o)) && fields.matches(o);
    }

    /** apiVersion, kind and resourceVersion of a list; the kind from discovery, else from its items. */
    private ObjectNode listHead(ResourcePath path, Supplier<String> kindOfItems) {
        String kind = types.find(path.group(), path.version(), path.plural()).map(ApiResource::kind).orElseGet(kindOfItems);
        ObjectNode list = Json.object().put("apiVersion", path.groupVersion()).put("kind", kind + "List");
        list.putObject("metadata").put("resourceVersion", String.valueOf(store.resourceVersion()));
        return list;
    }

    private MockResponse watch(ResourcePath path) {
        LabelSelector labels = LabelSelector.parse(path.query().get("labelSelector"));
        FieldSelector fields = FieldSelector.parse(path.query().get("fieldSelector"));
        Long since = null;
        Optional<String> version = path.param("resourceVersion");
        if (version.isPresent() && !version.get().equals("0")) {
            try {
                since = Long.parseLong(version.get());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("resourceVersion \"" + version.get() + "\" is not a number the sandbox issued");
            }
        }
        return new MockResponse().withWebSocketUpgrade(new WatchSession(store, path, labels, fields, since));
    }
}
