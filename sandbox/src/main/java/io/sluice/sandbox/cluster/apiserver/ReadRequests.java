package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Predicate;

/**
 * GET of an object (and its {@code status} and {@code scale}) and of a list, paged with {@code limit} and
 * {@code continue}. Lists are shaped as a real server's: items of built-in types carry no apiVersion and kind
 * (those of custom resources do), and a custom resource list's metadata always has {@code continue}. Callers hold
 * the store's monitor.
 */
final class ReadRequests {

    private final ObjectStore store;
    private final ResourceTypes types;

    ReadRequests(ObjectStore store, ResourceTypes types) {
        this.store = store;
        this.types = types;
    }

    /** GET of an object or its status/scale. */
    ObjectNode get(ResourcePath path) {
        ListQuery.checkGet(path, store.resourceVersion());
        ObjectNode object = store.require(path.ref(path.name()));
        if (path.subresource() == null || path.isStatus()) {
            return object;
        }
        if (path.subresource().equals("scale")) {
            return Scale.of(object);
        }
        throw path.unknownSubresource();
    }

    /** The list answer, as a tree (for DELETE of a collection, which goes on to delete its items). */
    ObjectNode list(ResourcePath path) {
        ArrayNode items = Json.array();
        store.list(path.group(), path.plural(), path.namespace(), selected(path)).forEach(entry -> items.add(entry.getValue()));
        ObjectNode list = listHead(path, store.resourceVersion());
        list.set("items", items);
        return list;
    }

    /**
     * The list answer as JSON, from each object's kept JSON ({@link ObjectStore#page}): no tree is copied or
     * written. With {@code limit}, a page and the {@code continue} token for the next one (and, without selectors,
     * {@code remainingItemCount}); a later page answers with the resourceVersion of the first, as the real server
     * does, while showing the objects as they are now (the sandbox keeps no snapshots).
     */
    MockResponse listAnswer(ResourcePath path, ListQuery query) {
        long version = query.listVersion(store.resourceVersion());
        ObjectRef after = query.continueToken().map(token -> afterKey(path, token)).orElse(null);
        if (after != null && version < store.oldestResumableVersion()) {
            throw expiredContinue();
        }
        boolean everything = !path.query().containsKey("labelSelector") && !path.query().containsKey("fieldSelector");
        boolean custom = types.isCustom(path);
        ObjectStore.Page page = store.page(path.group(), path.plural(), path.namespace(), selected(path), after,
                query.limit(), custom);
        ObjectNode head = listHead(path, version);
        ObjectNode metadata = (ObjectNode) head.get("metadata");
        if (page.more()) {
            metadata.put("continue", ContinueToken.after(version, key(path, page.last())).encode());
            if (everything) {
                metadata.put("remainingItemCount", page.remaining());
            }
        } else if (custom) {
            metadata.put("continue", "");
        }
        head.putArray("items");
        return Responses.json(200, join(Json.writeBytes(head), page.items()));
    }

    /** {@code head} (ending in {@code "items":[]}) with the items put between the brackets. */
    private static byte[] join(byte[] head, List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(items.stream().mapToInt(i -> i.length + 1).sum() + head.length);
        out.write(head, 0, head.length - 2);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i));
        }
        out.writeBytes(new byte[] {']', '}'});
        return out.toByteArray();
    }

    Predicate<ObjectNode> selected(ResourcePath path) {
        LabelSelector labels = LabelSelector.parse(path.query().get("labelSelector"));
        FieldSelector fields = FieldSelector.parse(path.query().get("fieldSelector"), path.ref("").resource());
        if (labels == LabelSelector.EVERYTHING && fields == FieldSelector.EVERYTHING) {
            return o -> true;
        }
        return o -> labels.matches(Json.labels(o)) && fields.matches(o);
    }

    /** apiVersion, kind and resourceVersion of a list. */
    private ObjectNode listHead(ResourcePath path, long version) {
        String kind = types.find(path.group(), path.version(), path.plural()).map(ApiResource::kind).orElse("");
        ObjectNode list = Json.object().put("kind", kind + "List").put("apiVersion", path.groupVersion());
        list.putObject("metadata").put("resourceVersion", String.valueOf(version));
        return list;
    }

    /** An item's key as the continue token names it: its name, or namespace/name in a list across namespaces. */
    private static String key(ResourcePath path, ObjectRef item) {
        return path.namespace() == null && !item.namespace().isEmpty() ? item.namespace() + "/" + item.name() : item.name();
    }

    private static ObjectRef afterKey(ResourcePath path, ContinueToken token) {
        String key = token.lastKey();
        int slash = key.indexOf('/');
        if (path.namespace() == null && slash > 0) {
            return new ObjectRef(path.group(), path.plural(), key.substring(0, slash), key.substring(slash + 1));
        }
        return path.ref(key);
    }

    private static ApiException expiredContinue() {
        return ApiException.gone("The provided continue parameter is too old to display a consistent list result. "
                + "You can start a new list without the continue parameter.");
    }
}
