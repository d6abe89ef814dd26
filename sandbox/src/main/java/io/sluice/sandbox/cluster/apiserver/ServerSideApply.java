package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Server-side apply ({@code PATCH} with {@code application/apply-patch+yaml}) of one configuration by one
 * field manager, following the real API server:
 * <ol>
 *   <li>the configuration is merged into the live object: maps field by field, associative lists item by
 *       item on their keys, set lists by value, everything else (atomic lists, scalars) replaced;</li>
 *   <li>a field the configuration changes that another manager owns is a conflict: 409 naming the fields
 *       and managers, unless {@code force}, which takes those fields from them;</li>
 *   <li>fields this manager applied before and leaves out now are removed, unless another manager also
 *       owns them (or something below them);</li>
 *   <li>the manager's Apply entry in {@code managedFields} becomes exactly the fields of this configuration.</li>
 * </ol>
 * A configuration that changes nothing yields an object equal to the live one (entry time kept), so the
 * caller stores nothing and the resourceVersion stays.
 */
final class ServerSideApply {

    /** The manager a real server makes owner of every field of an object first applied without managedFields. */
    static final String BEFORE_FIRST_APPLY = "before-first-apply";

    private ServerSideApply() {
    }

    /**
     * @param live the stored object, or null to create it
     * @param config the applied configuration, already checked and limited to what this (sub)resource may set
     * @param subresource "" or "status"
     * @return the object to store, with managedFields updated
     * @throws ApiException 409 on conflicts without force
     */
    static ObjectNode apply(ObjectNode live, ObjectNode config, String manager, boolean force, String subresource,
            FieldSchema schema, ObjectRef ref) {
        String apiVersion = config.path("apiVersion").asText("");
        // merge() never changes its inputs and returns fresh nodes only, so the live object (the store's own tree)
        // serves as the base as it is
        ObjectNode base = live != null ? live : skeleton(config, ref);
        List<ManagedFields.Entry> entries = ManagedFields.read(live);
        if (live != null && entries.isEmpty()) {
            entries.add(new ManagedFields.Entry(BEFORE_FIRST_APPLY, ManagedFields.UPDATE, apiVersion, "", Json.now(),
                    ObjectFields.of(live, schema)));
        }
        FieldSet applied = ObjectFields.of(config, schema);
        ObjectNode merged = (ObjectNode) merge(base, config, List.of(), schema);
        merged.put("apiVersion", apiVersion);
        merged.put("kind", config.path("kind").asText());

        Set<FieldPath> changed = changedFields(applied, base, merged);
        Map<ManagedFields.Entry, List<FieldPath>> conflicts = new LinkedHashMap<>();
        for (ManagedFields.Entry entry : entries) {
            if (entry.sameOwner(manager, ManagedFields.APPLY, subresource)) {
                continue;
            }
            List<FieldPath> owned = changed.stream().filter(entry.fields()::has)
                    .sorted(Comparator.comparing(FieldPath::display)).toList();
            if (!owned.isEmpty()) {
                conflicts.put(entry, owned);
            }
        }
        if (!conflicts.isEmpty() && !force) {
            throw conflictError(ref, conflicts);
        }

        ManagedFields.Entry own = null;
        List<ManagedFields.Entry> others = new ArrayList<>();
        for (ManagedFields.Entry entry : entries) {
            if (entry.sameOwner(manager, ManagedFields.APPLY, subresource)) {
                own = entry;
            } else {
                // With force, the conflicting fields change hands; without conflicts this takes nothing away.
                others.add(entry.withFields(entry.fields().minus(changed)));
            }
        }

        FieldSet previous = own == null ? FieldSet.EMPTY : own.fields();
        List<FieldPath> dropped = new ArrayList<>(previous.minus(applied).members());
        // Outermost first: a dropped list item goes whole, before its fields could unkey it.
        dropped.sort(Comparator.comparingInt((FieldPath p) -> p.elements().size()));
        for (FieldPath path : dropped) {
            boolean ownedElsewhere = others.stream().anyMatch(e -> e.fields().hasAtOrBelow(path))
                    || applied.hasAtOrBelow(path);
            if (!ownedElsewhere && !isKeyField(path)) {
                ObjectFields.remove(merged, path);
            }
        }

        // As on a real server, the entry's time says when this manager last changed the object: an apply that
        // changes nothing keeps it (a new manager gets none), so a no-op re-apply leaves the object byte-for-byte.
        boolean sameObject = live != null && sameExceptManagedFields(merged, live);
        String time = !sameObject ? Json.now() : own != null ? own.time() : null;
        ManagedFields.Entry mine = new ManagedFields.Entry(manager, ManagedFields.APPLY, apiVersion, subresource, time,
                applied);
        List<ManagedFields.Entry> result = new ArrayList<>();
        Iterator<ManagedFields.Entry> rest = others.iterator();
        for (ManagedFields.Entry entry : entries) {
            result.add(entry.sameOwner(manager, ManagedFields.APPLY, subresource) ? mine : rest.next());
        }
        if (own == null) {
            result.add(mine);
        }
        ManagedFields.write(merged, result);
        return merged;
    }

    /** A key field of a list item ({@code name} under {@code k:{"name":...}}) stays while the item stays. */
    private static boolean isKeyField(FieldPath path) {
        if (path.elements().size() < 2 || !path.last().startsWith("f:")) {
            return false;
        }
        String parent = path.parent().last();
        return parent.startsWith("k:") && Json.parse(parent.substring(2), "list item key").has(path.last().substring(2));
    }

    /** Equal apart from {@code metadata.managedFields}, compared in place (no copies of either object). */
    private static boolean sameExceptManagedFields(ObjectNode a, ObjectNode b) {
        JsonNode metadataA = a.get("metadata");
        JsonNode metadataB = b.get("metadata");
        boolean sameMetadata = metadataA instanceof ObjectNode objectA && metadataB instanceof ObjectNode objectB
                ? Json.sameExcept(objectA, objectB, List.of("managedFields"))
                : Json.same(metadataA, metadataB);
        return sameMetadata && Json.sameExcept(a, b, List.of("metadata"));
    }

    /** The applied leaf fields whose value the merge changed (the only fields that can conflict). */
    private static Set<FieldPath> changedFields(FieldSet applied, JsonNode before, JsonNode after) {
        Set<FieldPath> changed = new LinkedHashSet<>();
        for (FieldPath path : applied.members()) {
            if (path.last().startsWith("f:")
                    && !Json.same(ObjectFields.valueAt(before, path), ObjectFields.valueAt(after, path))) {
                changed.add(path);
            }
        }
        return changed;
    }

    private static ApiException conflictError(ObjectRef ref, Map<ManagedFields.Entry, List<FieldPath>> conflicts) {
        List<ApiException.Cause> causes = new ArrayList<>();
        conflicts.forEach((entry, paths) -> paths.forEach(path -> causes.add(new ApiException.Cause(
                "FieldManagerConflict", "conflict with " + entry.describe(), path.display()))));
        String message;
        if (causes.size() == 1) {
            ApiException.Cause only = causes.get(0);
            message = "Apply failed with 1 conflict: " + only.message() + ": " + only.field();
        } else {
            List<String> lines = new ArrayList<>();
            conflicts.forEach((entry, paths) -> {
                lines.add("conflicts with " + entry.describe() + ":");
                paths.forEach(path -> lines.add("- " + path.display()));
            });
            message = "Apply failed with " + causes.size() + " conflicts: " + String.join("\n", lines);
        }
        return ApiException.conflict(message, causes);
    }

    private static ObjectNode skeleton(ObjectNode config, ObjectRef ref) {
        ObjectNode object = Json.object();
        object.put("apiVersion", config.path("apiVersion").asText());
        object.put("kind", config.path("kind").asText());
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("name", ref.name());
        if (!ref.namespace().isEmpty()) {
            metadata.put("namespace", ref.namespace());
        }
        return object;
    }

    /** Merges an applied value into a live one (either may be absent), by the schema's list and map types. */
    static JsonNode merge(JsonNode live, JsonNode applied, List<String> names, FieldSchema schema) {
        if (live == null || live.isNull()) {
            return applied.deepCopy();
        }
        if (applied instanceof ObjectNode config && live instanceof ObjectNode current && !schema.atomicMap(names)) {
            // live's fields in their order, each copied once (merged where the configuration has it), then the
            // configuration's new fields in its order
            ObjectNode result = Json.object();
            current.fields().forEachRemaining(entry -> {
                JsonNode applying = config.get(entry.getKey());
                result.set(entry.getKey(), applying == null ? entry.getValue().deepCopy()
                        : merge(entry.getValue(), applying, ObjectFields.append(names, entry.getKey()), schema));
            });
            config.fields().forEachRemaining(entry -> {
                if (!current.has(entry.getKey())) {
                    result.set(entry.getKey(), merge(null, entry.getValue(), ObjectFields.append(names, entry.getKey()), schema));
                }
            });
            return result;
        }
        if (applied instanceof ArrayNode config && live instanceof ArrayNode current) {
            ListType declared = schema.listType(names);
            ListType type = ObjectFields.effectiveListType(config, declared);
            if (!type.equals(ObjectFields.effectiveListType(current, declared))) {
                return config.deepCopy();
            }
            if (type instanceof ListType.Map map) {
                ArrayNode result = current.deepCopy();
                for (JsonNode item : config) {
                    ObjectNode key = ObjectFields.keyOf(item, map);
                    int index = indexOfKey(result, key, map);
                    if (index >= 0) {
                        result.set(index, merge(result.get(index), item, names, schema));
                    } else {
                        result.add(item.deepCopy());
                    }
                }
                return result;
            }
            if (type instanceof ListType.Set) {
                ArrayNode result = current.deepCopy();
                for (JsonNode value : config) {
                    if (!contains(result, value)) {
                        result.add(value.deepCopy());
                    }
                }
                return result;
            }
        }
        return applied.deepCopy();
    }

    static int indexOfKey(ArrayNode list, ObjectNode key, ListType.Map map) {
        for (int i = 0; i < list.size(); i++) {
            if (ObjectFields.keyOf(list.get(i), map).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(ArrayNode list, JsonNode value) {
        for (JsonNode item : list) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
