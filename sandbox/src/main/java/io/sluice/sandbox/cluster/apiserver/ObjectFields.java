package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field paths over a JSON object: which fields it sets (its {@link FieldSet}), the value at a path, and
 * removing a path. Associative list items are found by their key fields, set values by value.
 */
final class ObjectFields {

    /** Server-maintained or identifying fields never recorded in managedFields (as on a real server). */
    private static final Set<String> UNMANAGED_METADATA = unmanagedMetadata();

    private ObjectFields() {
    }

    private static Set<String> unmanagedMetadata() {
        Set<String> fields = new HashSet<>(ServerMetadata.FIELDS);
        fields.addAll(List.of("name", "namespace", "managedFields"));
        return Set.copyOf(fields);
    }

    /** Every field {@code object} sets, leaving out apiVersion, kind and server-maintained metadata. */
    static FieldSet of(JsonNode object, FieldSchema schema) {
        return collectAll(object, schema, false);
    }

    /**
     * Every node of {@code object}: its fields ({@link #of}) and also the maps and lists that hold them (not
     * {@code metadata} itself). An Update owns the maps and lists it creates ({@code "f:data":{".":{},...}}), so
     * comparing the nodes before and after a write tells which it created.
     */
    static FieldSet nodes(JsonNode object, FieldSchema schema) {
        return collectAll(object, schema, true);
    }

    private static FieldSet collectAll(JsonNode object, FieldSchema schema, boolean inner) {
        Set<FieldPath> members = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            if (name.equals("apiVersion") || name.equals("kind")) {
                continue;
            }
            if (name.equals("metadata") && entry.getValue().isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> meta = entry.getValue().fields(); meta.hasNext();) {
                    Map.Entry<String, JsonNode> field = meta.next();
                    if (!UNMANAGED_METADATA.contains(field.getKey())) {
                        collect(field.getValue(), FieldPath.ROOT.field("metadata").field(field.getKey()),
                                List.of("metadata", field.getKey()), schema, members, inner);
                    }
                }
                continue;
            }
            collect(entry.getValue(), FieldPath.ROOT.field(name), List.of(name), schema, members, inner);
        }
        return new FieldSet(members);
    }

    private static void collect(JsonNode value, FieldPath path, List<String> names, FieldSchema schema,
            Set<FieldPath> members, boolean inner) {
        if (value instanceof ObjectNode object && !object.isEmpty() && !schema.atomicMap(names)) {
            if (inner) {
                members.add(path);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                collect(entry.getValue(), path.field(entry.getKey()), append(names, entry.getKey()), schema, members,
                        inner);
            }
            return;
        }
        if (value instanceof ArrayNode list && !list.isEmpty()) {
            ListType type = effectiveListType(list, schema.listType(names));
            if (type instanceof ListType.Set) {
                if (inner) {
                    members.add(path);
                }
                list.forEach(item -> members.add(path.value(item)));
                return;
            }
            if (type instanceof ListType.Map map) {
                if (inner) {
                    members.add(path);
                }
                for (JsonNode item : list) {
                    FieldPath itemPath = path.key(keyOf(item, map));
                    members.add(itemPath);
                    if (schema.atomicMap(names)) {
                        continue; // an atomic item is one field
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> entry = it.next();
                        collect(entry.getValue(), itemPath.field(entry.getKey()), append(names, entry.getKey()), schema,
                                members, inner);
                    }
                }
                return;
            }
        }
        // Scalars, atomic lists and maps, empty maps and lists: the field itself is the member.
        members.add(path);
    }

    static List<String> append(List<String> names, String name) {
        List<String> next = new ArrayList<>(names);
        next.add(name);
        return next;
    }

    /**
     * The declared type, unless the items do not fit it: a "map" list with an item that is not an object, lacks
     * every key field, or repeats a key is treated as atomic; a "set" with non-scalar or repeated items too.
     */
    static ListType effectiveListType(ArrayNode list, ListType declared) {
        if (declared instanceof ListType.Map map) {
            Set<JsonNode> keys = new HashSet<>();
            for (JsonNode item : list) {
                if (!item.isObject()) {
                    return ListType.ATOMIC;
                }
                ObjectNode key = keyOf(item, map);
                if (key.isEmpty() || !keys.add(key)) {
                    return ListType.ATOMIC;
                }
            }
            return declared;
        }
        if (declared instanceof ListType.Set) {
            Set<JsonNode> values = new HashSet<>();
            for (JsonNode item : list) {
                if (item.isContainerNode() || !values.add(item)) {
                    return ListType.ATOMIC;
                }
            }
        }
        return declared;
    }

    /**
     * The key object of an associative list item: its key fields in declared order, a missing one as its default
     * (when the schema has one), else left out.
     */
    static ObjectNode keyOf(JsonNode item, ListType.Map map) {
        ObjectNode key = Json.object();
        for (String field : map.keys()) {
            JsonNode value = item.get(field);
            if (value != null && !value.isNull()) {
                key.set(field, value);
            } else if (map.keyDefaults().containsKey(field)) {
                key.put(field, map.keyDefaults().get(field));
            }
        }
        return key;
    }

    /** The value at {@code path}, or null when the object does not have it. */
    static JsonNode valueAt(JsonNode object, FieldPath path) {
        JsonNode node = object;
        for (String element : path.elements()) {
            node = step(node, element);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static JsonNode step(JsonNode node, String element) {
        String body = element.substring(2);
        if (element.startsWith("f:")) {
            return node instanceof ObjectNode object ? object.get(body) : null;
        }
        if (!(node instanceof ArrayNode list)) {
            return null;
        }
        int index = indexIn(list, element);
        return index >= 0 ? list.get(index) : null;
    }

    /** The position of a {@code k:} or {@code v:} element in a list, or -1. */
    static int indexIn(ArrayNode list, String element) {
        JsonNode wanted = Json.parse(element.substring(2), "field path element");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (element.startsWith("v:") ? item.equals(wanted) : matchesKey(item, wanted)) {
                return i;
            }
        }
        return -1;
    }

    static boolean matchesKey(JsonNode item, JsonNode key) {
        if (!item.isObject()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = key.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().equals(item.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Removes the field, list item or set value at {@code path}, then removes the maps and lists this leaves
     * empty (up to, not including, the top-level fields), as a real server does when the last owned
     * entry of a map goes.
     */
    static void remove(ObjectNode object, FieldPath path) {
        if (path.isEmpty()) {
            return;
        }
        JsonNode parent = valueAt(object, path.parent());
        if (parent == null) {
            return;
        }
        String last = path.last();
        if (last.startsWith("f:") && parent instanceof ObjectNode map) {
            map.remove(last.substring(2));
        } else if (parent instanceof ArrayNode list) {
            int index = indexIn(list, last);
            if (index >= 0) {
                list.remove(index);
            }
        } else {
            return;
        }
        if (parent.isEmpty() && path.parent().elements().size() > 1) {
            remove(object, path.parent());
        }
    }
}
