package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Strategic merge patch ({@code application/strategic-merge-patch+json}) of built-in objects, by the patch
 * strategies the Kubernetes types declare ({@link #MERGE_KEYS}): such lists merge item by item on their merge key
 * (containers by {@code name}, env by {@code name}, container ports by {@code containerPort} alone, Service ports by
 * {@code port}), {@code finalizers} merge as a set of values, every other list is replaced. Maps merge key by key;
 * {@code null} deletes a key.
 *
 * <p>Order of a merged list, as on a real server: the patch's items first in the patch's order, with the items
 * only the live object has after them, each kept behind the patch item it preceded before ({@code [C, A]} patched
 * into {@code [A, B]} gives {@code [C, A, B]}). Directives: {@code $patch: replace} / {@code delete} on maps and
 * list items, {@code $deleteFromPrimitiveList/<field>}, {@code $setElementOrder/<field>}, {@code $retainKeys}.
 */
final class StrategicMergePatch {

    private static final String DELETE_FROM = "$deleteFromPrimitiveList/";
    private static final String ELEMENT_ORDER = "$setElementOrder/";
    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");

    /** How the Kubernetes types patch their lists: a merge key, or "" for lists of values merged as a set. */
    private record Strategy(List<String> suffix, boolean exact, String mergeKey) {
        boolean matches(List<String> names) {
            if (exact) {
                return names.equals(suffix);
            }
            return names.size() >= suffix.size() && names.subList(names.size() - suffix.size(), names.size()).equals(suffix);
        }
    }

    private static final List<Strategy> MERGE_KEYS = mergeKeys();

    private static List<Strategy> mergeKeys() {
        List<Strategy> strategies = new ArrayList<>();
        strategies.add(new Strategy(List.of("metadata", "finalizers"), true, ""));
        strategies.add(new Strategy(List.of("metadata", "ownerReferences"), true, "uid"));
        for (String containers : CONTAINER_LISTS) {
            strategies.add(new Strategy(List.of(containers), false, "name"));
            strategies.add(new Strategy(List.of(containers, "ports"), false, "containerPort"));
            strategies.add(new Strategy(List.of(containers, "env"), false, "name"));
            strategies.add(new Strategy(List.of(containers, "volumeMounts"), false, "mountPath"));
            strategies.add(new Strategy(List.of(containers, "volumeDevices"), false, "devicePath"));
        }
        for (String list : List.of("volumes", "imagePullSecrets", "schedulingGates", "resourceClaims")) {
            strategies.add(new Strategy(List.of("spec", list), false, "name"));
        }
        strategies.add(new Strategy(List.of("spec", "hostAliases"), false, "ip"));
        strategies.add(new Strategy(List.of("spec", "topologySpreadConstraints"), false, "topologyKey"));
        strategies.add(new Strategy(List.of("status", "conditions"), false, "type"));
        strategies.add(new Strategy(List.of("webhooks"), true, "name"));
        return List.copyOf(strategies);
    }

    private final String kind;

    private StrategicMergePatch(String kind) {
        this.kind = kind;
    }

    static JsonNode apply(JsonNode live, JsonNode patch, String kind) {
        return new StrategicMergePatch(kind).merge(live, patch, List.of());
    }

    private JsonNode merge(JsonNode live, JsonNode patch, List<String> names) {
        if (patch instanceof ObjectNode patchObject) {
            return mergeMap(live, patchObject, names);
        }
        if (patch instanceof ArrayNode patchList && live instanceof ArrayNode current) {
            String mergeKey = mergeKey(names);
            if (mergeKey != null) {
                return mergeList(current, patchList, mergeKey, names);
            }
        }
        return patch instanceof ArrayNode patchList ? withoutDirectives(patchList) : patch.deepCopy();
    }

    /** The list's merge key, "" for a set of values, null when the list is replaced. */
    private String mergeKey(List<String> names) {
        if (kind.equals("Service") && names.equals(List.of("spec", "ports"))) {
            return "port";
        }
        for (Strategy strategy : MERGE_KEYS) {
            if (strategy.matches(names)) {
                return strategy.mergeKey();
            }
        }
        return null;
    }

    private JsonNode mergeMap(JsonNode live, ObjectNode patch, List<String> names) {
        String directive = patch.path("$patch").asText("");
        if (directive.equals("replace")) {
            ObjectNode replacement = patch.deepCopy();
            replacement.remove("$patch");
            return replacement;
        }
        ObjectNode result = live instanceof ObjectNode object && !names.equals(List.of("spec", "selector"))
                ? object.deepCopy() : Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            if (field.equals("$patch") || field.equals("$retainKeys") || field.startsWith(ELEMENT_ORDER)) {
                continue;
            }
            if (field.startsWith(DELETE_FROM)) {
                String target = field.substring(DELETE_FROM.length());
                if (result.get(target) instanceof ArrayNode list) {
                    result.set(target, without(list, value));
                }
            } else if (value.isNull() || value.path("$patch").asText("").equals("delete") && value.isObject()) {
                result.remove(field);
            } else {
                result.set(field, merge(result.get(field), value, ObjectFields.append(names, field)));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().startsWith(ELEMENT_ORDER) && result.get(entry.getKey().substring(ELEMENT_ORDER.length()))
                    instanceof ArrayNode list) {
                String field = entry.getKey().substring(ELEMENT_ORDER.length());
                String mergeKey = mergeKey(ObjectFields.append(names, field));
                result.set(field, ordered(list, entry.getValue(), mergeKey == null ? "" : mergeKey));
            }
        }
        if (patch.get("$retainKeys") instanceof ArrayNode retained) {
            List<String> keep = new ArrayList<>();
            retained.forEach(k -> keep.add(k.asText()));
            result.retain(keep);
        }
        return result;
    }

    private JsonNode mergeList(ArrayNode current, ArrayNode patch, String mergeKey, List<String> names) {
        for (JsonNode item : patch) {
            if (item.isObject() && item.path("$patch").asText("").equals("replace") && item.size() == 1) {
                return withoutDirectives(patch); // [{"$patch": "replace"}, ...]: the rest is the whole new list
            }
        }
        List<JsonNode> merged = new ArrayList<>();
        List<JsonNode> patchOrder = new ArrayList<>();
        List<JsonNode> serverOnly = new ArrayList<>();
        List<JsonNode> deleted = new ArrayList<>();
        for (JsonNode item : patch) {
            if (item.isObject() && item.path("$patch").asText("").equals("delete")) {
                deleted.add(identity(item, mergeKey));
            }
        }
        for (JsonNode item : current) {
            JsonNode id = identity(item, mergeKey);
            if (deleted.contains(id)) {
                continue;
            }
            if (indexOf(patch, id, mergeKey) < 0) {
                serverOnly.add(item.deepCopy());
            }
        }
        for (JsonNode item : patch) {
            if (item.isObject() && item.has("$patch")) {
                continue;
            }
            JsonNode id = identity(item, mergeKey);
            int existing = indexOf(current, id, mergeKey);
            if (mergeKey.isEmpty()) {
                if (!patchOrder.contains(id)) {
                    patchOrder.add(id);
                    merged.add(item.deepCopy());
                }
            } else {
                patchOrder.add(id);
                merged.add(existing >= 0 ? merge(current.get(existing), item, names) : item.deepCopy());
            }
        }
        return mergeSorted(merged, serverOnly, current, mergeKey);
    }

    /**
     * Kubernetes' {@code mergeSortedSlice}: the patch's items and the live-only items, each in their own order,
     * interleaved by their positions in the live list; an item the live list lacks goes first.
     */
    private static ArrayNode mergeSorted(List<JsonNode> left, List<JsonNode> right, ArrayNode server, String mergeKey) {
        ArrayNode result = Json.array();
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            if (i >= left.size()) {
                result.add(right.get(j++));
            } else if (j >= right.size()) {
                result.add(left.get(i++));
            } else {
                int li = indexOf(server, identity(left.get(i), mergeKey), mergeKey);
                int ri = indexOf(server, identity(right.get(j), mergeKey), mergeKey);
                result.add(li >= 0 && ri >= 0 && li > ri ? right.get(j++) : left.get(i++));
            }
        }
        return result;
    }

    /** {@code $setElementOrder}: the listed items in the listed order, the others behind them in their order. */
    private static ArrayNode ordered(ArrayNode list, JsonNode order, String mergeKey) {
        List<JsonNode> listed = new ArrayList<>();
        List<JsonNode> others = new ArrayList<>();
        for (JsonNode wanted : order) {
            int index = indexOf(list, identity(wanted, mergeKey), mergeKey);
            if (index >= 0) {
                listed.add(list.get(index));
            }
        }
        for (JsonNode item : list) {
            if (!listed.contains(item)) {
                others.add(item);
            }
        }
        return mergeSorted(listed, others, list, mergeKey);
    }

    /** What names an item: its merge key's value, or (for lists of values) the value itself. */
    private static JsonNode identity(JsonNode item, String mergeKey) {
        return mergeKey.isEmpty() ? item : item.path(mergeKey);
    }

    private static int indexOf(ArrayNode list, JsonNode id, String mergeKey) {
        for (int i = 0; i < list.size(); i++) {
            if (Json.same(identity(list.get(i), mergeKey), id)) {
                return i;
            }
        }
        return -1;
    }

    private static ArrayNode without(ArrayNode list, JsonNode values) {
        ArrayNode kept = Json.array();
        for (JsonNode item : list) {
            boolean listed = false;
            for (JsonNode value : values) {
                listed |= Json.same(value, item);
            }
            if (!listed) {
                kept.add(item);
            }
        }
        return kept;
    }

    private static ArrayNode withoutDirectives(ArrayNode list) {
        ArrayNode result = Json.array();
        for (JsonNode item : list) {
            if (item.isObject() && item.has("$patch")) {
                if (item.size() > 1) {
                    ObjectNode copy = ((ObjectNode) item).deepCopy();
                    copy.remove("$patch");
                    result.add(copy);
                }
            } else {
                result.add(item.deepCopy());
            }
        }
        return result;
    }
}
