package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The three update-style patch formats, applied to a copy of the live object. */
final class Patches {

    private Patches() {
    }

    /** RFC 6902 JSON patch ({@code application/json-patch+json}). */
    static JsonNode jsonPatch(JsonNode live, JsonNode patch) {
        if (!patch.isArray()) {
            throw ApiException.badRequest("a JSON patch must be a list of operations, got " + patch.getNodeType());
        }
        try {
            return JsonPatch.apply(patch, live);
        } catch (RuntimeException e) {
            throw new ApiException(422, "Invalid", "the JSON patch could not be applied: " + e.getMessage(), null,
                    List.of());
        }
    }

    /** RFC 7386 JSON merge patch ({@code application/merge-patch+json}): {@code null} deletes the field. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!(patch instanceof ObjectNode patchObject)) {
            return patch.deepCopy();
        }
        ObjectNode result = target instanceof ObjectNode object ? object.deepCopy() : Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = patchObject.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isNull()) {
                result.remove(entry.getKey());
            } else {
                result.set(entry.getKey(), mergePatch(result.get(entry.getKey()), entry.getValue()));
            }
        }
        return result;
    }

    /**
     * Strategic merge patch ({@code application/strategic-merge-patch+json}), for the lists the sandbox's
     * {@link FieldSchema} knows: associative lists merge item by item on their keys, set lists by value,
     * other lists are replaced; {@code null} deletes a field. Directives: {@code $patch: replace} and
     * {@code $patch: delete} on maps and list items, {@code $deleteFromPrimitiveList/<field>}; the ordering
     * and {@code $retainKeys} directives are accepted and ignored.
     */
    static JsonNode strategicMergePatch(JsonNode live, JsonNode patch, FieldSchema schema) {
        return smp(live, patch, List.of(), schema);
    }

    private static JsonNode smp(JsonNode live, JsonNode patch, List<String> names, FieldSchema schema) {
        if (patch instanceof ObjectNode patchObject) {
            String directive = patchObject.path("$patch").asText("");
            if (directive.equals("replace")) {
                ObjectNode replacement = patchObject.deepCopy();
                replacement.remove("$patch");
                return replacement;
            }
            ObjectNode result = live instanceof ObjectNode object && !schema.atomicMap(names) ? object.deepCopy()
                    : Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = patchObject.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                String field = entry.getKey();
                JsonNode value = entry.getValue();
                if (field.equals("$patch") || field.startsWith("$setElementOrder/") || field.equals("$retainKeys")) {
                    continue;
                }
                if (field.startsWith("$deleteFromPrimitiveList/")) {
                    String target = field.substring("$deleteFromPrimitiveList/".length());
                    if (result.get(target) instanceof ArrayNode list) {
                        ArrayNode kept = Json.array();
                        list.forEach(v -> {
                            if (!containsValue(value, v)) {
                                kept.add(v);
                            }
                        });
                        result.set(target, kept);
                    }
                    continue;
                }
                if (value.isNull()) {
                    result.remove(field);
                } else {
                    result.set(field, smp(result.get(field), value, ObjectFields.append(names, field), schema));
                }
            }
            return result;
        }
        if (patch instanceof ArrayNode patchList && live instanceof ArrayNode current) {
            ListType type = schema.listType(names);
            if (type instanceof ListType.Map map) {
                return mergeKeyedList(current, patchList, map.keys(), names, schema);
            }
            if (type instanceof ListType.Set) {
                ArrayNode result = current.deepCopy();
                patchList.forEach(v -> {
                    if (!containsValue(result, v)) {
                        result.add(v.deepCopy());
                    }
                });
                return result;
            }
        }
        if (patch instanceof ArrayNode patchList) {
            return withoutDirectives(patchList);
        }
        return patch.deepCopy();
    }

    private static JsonNode mergeKeyedList(ArrayNode current, ArrayNode patch, List<String> keys, List<String> names,
            FieldSchema schema) {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : patch) {
            if (item.isObject() && item.path("$patch").asText("").equals("replace") && item.size() == 1) {
                // [{"$patch": "replace"}, ...]: the rest of the patch list is the whole new list.
                return withoutDirectives(patch);
            }
            items.add(item);
        }
        ArrayNode result = current.deepCopy();
        for (JsonNode item : items) {
            ObjectNode key = ObjectFields.keyOf(item, keys);
            int index = indexMatching(result, key);
            if (item.path("$patch").asText("").equals("delete")) {
                if (index >= 0) {
                    result.remove(index);
                }
            } else if (index >= 0) {
                result.set(index, smp(result.get(index), item, names, schema));
            } else {
                ObjectNode added = ((ObjectNode) item).deepCopy();
                added.remove("$patch");
                result.add(added);
            }
        }
        return result;
    }

    /** Strategic merge patches name an item by the keys they give (a port by containerPort alone, say). */
    private static int indexMatching(ArrayNode list, ObjectNode key) {
        for (int i = 0; key.size() > 0 && i < list.size(); i++) {
            if (ObjectFields.matchesKey(list.get(i), key)) {
                return i;
            }
        }
        return -1;
    }

    private static ArrayNode withoutDirectives(ArrayNode list) {
        ArrayNode result = Json.array();
        for (JsonNode item : list) {
            if (item.isObject() && item.has("$patch")) {
                if (item.size() == 1) {
                    continue;
                }
                ObjectNode copy = ((ObjectNode) item).deepCopy();
                copy.remove("$patch");
                result.add(copy);
            } else {
                result.add(item.deepCopy());
            }
        }
        return result;
    }

    private static boolean containsValue(JsonNode list, JsonNode value) {
        for (JsonNode item : list) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
