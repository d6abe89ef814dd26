package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code metadata.managedFields}: per manager, operation (Apply or Update) and subresource, the fields it
 * owns. Update-style writes (create, replace, JSON/merge/strategic patches) give the writer the fields it
 * changed and take them from everyone else, as on a real server; server-side apply is in {@link ServerSideApply}.
 */
final class ManagedFields {

    static final String APPLY = "Apply";
    static final String UPDATE = "Update";

    /** One managedFields entry. {@code subresource} is "" for the main resource. */
    record Entry(String manager, String operation, String apiVersion, String subresource, String time, FieldSet fields) {

        boolean sameOwner(String otherManager, String otherOperation, String otherSubresource) {
            return manager.equals(otherManager) && operation.equals(otherOperation)
                    && subresource.equals(otherSubresource);
        }

        Entry withFields(FieldSet newFields) {
            return new Entry(manager, operation, apiVersion, subresource, time, newFields);
        }

        /**
         * The owner as the real server's conflict messages name it: {@code "gitops"} for an applier,
         * {@code "kubectl-edit" using v1} for an Update, with {@code with subresource "scale"} before the version.
         */
        String describe() {
            String who = GoSyntax.quote(manager);
            if (!subresource.isEmpty()) {
                who += " with subresource " + GoSyntax.quote(subresource);
            }
            return operation.equals(UPDATE) ? who + " using " + apiVersion : who;
        }
    }

    private ManagedFields() {
    }

    static List<Entry> read(JsonNode object) {
        List<Entry> entries = new ArrayList<>();
        if (object == null) {
            return entries;
        }
        for (JsonNode node : object.path("metadata").path("managedFields")) {
            String manager = node.path("manager").asText("");
            FieldSet fields = FieldSet.fromFieldsV1(node.path("fieldsV1"));
            if (manager.isEmpty() && fields.isEmpty()) {
                continue;
            }
            entries.add(new Entry(manager, node.path("operation").asText(UPDATE), node.path("apiVersion").asText(""),
                    node.path("subresource").asText(""), node.path("time").asText(null), fields));
        }
        return entries;
    }

    /**
     * The entries a write starts from: the live object's, unless the request changes managedFields itself.
     * As on a real server, an absent or empty list keeps the live entries, a list of one empty entry
     * ({@code [{}]}) clears them, and any other list replaces them.
     */
    static List<Entry> fromRequest(JsonNode live, JsonNode requested) {
        JsonNode given = requested.path("metadata").path("managedFields");
        if (!given.isArray() || given.isEmpty()) {
            return read(live);
        }
        if (given.size() == 1 && given.get(0).isEmpty()) {
            return new ArrayList<>();
        }
        return read(requested);
    }

    /**
     * The real server's order of entries: Apply before Update, then by time (whole seconds, an entry without a
     * time first), manager, subresource and version.
     */
    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::operation)
            .thenComparingLong(e -> e.time() == null ? 0 : Instant.parse(e.time()).getEpochSecond())
            .thenComparing(Entry::manager).thenComparing(Entry::subresource).thenComparing(Entry::apiVersion);

    /** Writes the entries (those still owning something) into the object, in the server's order; none left removes the field. */
    static void write(ObjectNode object, List<Entry> entries) {
        ObjectNode metadata = Json.metadata(object);
        ArrayNode list = Json.array();
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        for (Entry entry : sorted) {
            if (entry.fields().isEmpty()) {
                continue;
            }
            ObjectNode node = list.addObject();
            node.put("manager", entry.manager()).put("operation", entry.operation());
            if (!entry.apiVersion().isEmpty()) {
                node.put("apiVersion", entry.apiVersion());
            }
            if (entry.time() != null) {
                node.put("time", entry.time());
            }
            node.put("fieldsType", "FieldsV1");
            node.set("fieldsV1", entry.fields().toFieldsV1());
            if (!entry.subresource().isEmpty()) {
                node.put("subresource", entry.subresource());
            }
        }
        if (list.isEmpty()) {
            metadata.remove("managedFields");
        } else {
            metadata.set("managedFields", list);
        }
    }

    /**
     * Records an Update by {@code manager}: it owns what it added (the maps and lists it created too) or changed,
     * on top of what it owned; others lose those fields, and fields the write removed are owned by no one. As on a
     * real server, an Update that changes nothing keeps the entry's time, and writes through {@code /scale} record
     * no time.
     *
     * @param live the object before the write; for a create, the kind's empty object (its Go zero value)
     */
    static List<Entry> recordUpdate(List<Entry> entries, JsonNode live, JsonNode updated, String manager,
            String apiVersion, String subresource, FieldSchema schema) {
        FieldSet before = live == null ? FieldSet.EMPTY : ObjectFields.nodes(live, schema);
        FieldSet after = ObjectFields.nodes(updated, schema);
        Set<FieldPath> changed = new LinkedHashSet<>();
        for (FieldPath path : after.members()) {
            if (!before.has(path) || (path.last().startsWith("f:")
                    && !Json.same(ObjectFields.valueAt(live, path), ObjectFields.valueAt(updated, path))
                    && isLeaf(ObjectFields.valueAt(updated, path), after, path))) {
                changed.add(path);
            }
        }
        Set<FieldPath> removed = new LinkedHashSet<>(before.minus(after).members());
        List<Entry> result = new ArrayList<>();
        Entry own = null;
        for (Entry entry : entries) {
            if (entry.sameOwner(manager, UPDATE, subresource)) {
                own = entry;
                continue;
            }
            result.add(entry.withFields(entry.fields().minus(changed).minus(removed)));
        }
        FieldSet owned = (own == null ? FieldSet.EMPTY : own.fields()).union(new FieldSet(changed)).minus(removed);
        String time = changed.isEmpty() && own != null ? own.time() : subresource.equals("scale") ? null : Json.now();
        if (!owned.isEmpty()) {
            result.add(new Entry(manager, UPDATE, apiVersion, subresource, time, owned));
        }
        return result;
    }

    /** A field whose value counts as changed: not a map or list that holds members of its own. */
    private static boolean isLeaf(JsonNode value, FieldSet nodes, FieldPath path) {
        if (value == null || !value.isContainerNode() || value.isEmpty()) {
            return true;
        }
        for (FieldPath member : nodes.members()) {
            if (member.elements().size() > path.elements().size() && path.contains(member)) {
                return false;
            }
        }
        return true;
    }
}
