package io.sluice.apply.realserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Objects as a real kube-apiserver v1.28.7 holds them after a server-side apply, built from its recorded answers
 * ({@link RecordedAnswers}): what was applied, plus the server's metadata and the defaults it fills in.
 */
public final class RealServerObjects {

    /** The metadata a server sets and an apply never carries. */
    private static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion", "creationTimestamp", "generation");

    private RealServerObjects() {
    }

    /**
     * {@code applied} as the server stores it: with the server's metadata of {@code recorded} (a recorded apply answer
     * for the same kind: uid, resourceVersion, creationTimestamp, generation, and its managedFields with the manager
     * renamed {@code sluice}). Right for kinds the server adds no defaults to, like a ConfigMap (08-ssa-basics).
     */
    public static ObjectNode withServerMetadata(ObjectNode applied, ObjectNode recorded) {
        ObjectNode stored = applied.deepCopy();
        ObjectNode metadata = (ObjectNode) stored.get("metadata");
        JsonNode server = recorded.path("metadata");
        for (String field : SERVER_METADATA) {
            if (server.has(field)) {
                metadata.set(field, server.get(field).deepCopy());
            }
        }
        ArrayNode managedFields = server.path("managedFields").deepCopy();
        managedFields.forEach(entry -> ((ObjectNode) entry).put("manager", "sluice"));
        metadata.set("managedFields", managedFields);
        return stored;
    }

    /**
     * A recorded object with {@code applied} merged over it, as the server merges an apply into what it holds: maps
     * by key, lists of named items (containers, env) by name, anything else replaced. Used for kinds the server
     * fills defaults into (a Deployment's strategy, a container's terminationMessagePath, 16-deployment-defaults).
     */
    public static ObjectNode mergedOver(ObjectNode recorded, JsonNode applied) {
        ObjectNode stored = recorded.deepCopy();
        merge(stored, applied);
        return stored;
    }

    /** Applied values into the live tree: maps by key, lists whose items all have a name by name, the rest replaced. */
    static void merge(ObjectNode live, JsonNode applied) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = applied.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode current = live.get(field.getKey());
            JsonNode value = field.getValue();
            if (current instanceof ObjectNode currentObject && value.isObject()) {
                merge(currentObject, value);
            } else if (current instanceof ArrayNode currentList && named(currentList) && value.isArray() && named(value)) {
                live.set(field.getKey(), mergeByName(currentList, value));
            } else {
                live.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static ArrayNode mergeByName(ArrayNode live, JsonNode applied) {
        ArrayNode result = live.deepCopy();
        for (JsonNode item : applied) {
            ObjectNode match = null;
            for (JsonNode existing : result) {
                if (existing.path("name").equals(item.path("name"))) {
                    match = (ObjectNode) existing;
                }
            }
            if (match == null) {
                result.add(item.deepCopy());
            } else {
                merge(match, item);
            }
        }
        return result;
    }

    private static boolean named(JsonNode list) {
        if (list.isEmpty()) {
            return false;
        }
        for (JsonNode item : list) {
            if (!item.isObject() || !item.path("name").isTextual()) {
                return false;
            }
        }
        return true;
    }
}
