package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The set of fields one manager owns, as {@code managedFields[].fieldsV1} records it. Members are leaf
 * fields, atomic lists and maps, items of associative lists (the {@code "."} entry) and set values.
 * Immutable.
 */
final class FieldSet {

    static final FieldSet EMPTY = new FieldSet(Set.of());

    private final Set<FieldPath> members;

    FieldSet(Collection<FieldPath> members) {
        // Insertion order (the object's field order) keeps messages and encodings stable.
        this.members = Collections.unmodifiableSet(new LinkedHashSet<>(members));
    }

    Set<FieldPath> members() {
        return members;
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    boolean has(FieldPath path) {
        return members.contains(path);
    }

    /** True when {@code path} or anything below it is a member. */
    boolean hasAtOrBelow(FieldPath path) {
        for (FieldPath member : members) {
            if (path.contains(member)) {
                return true;
            }
        }
        return false;
    }

    FieldSet union(FieldSet other) {
        Set<FieldPath> all = new LinkedHashSet<>(members);
        all.addAll(other.members);
        return new FieldSet(all);
    }

    FieldSet minus(Collection<FieldPath> paths) {
        Set<FieldPath> rest = new LinkedHashSet<>(members);
        rest.removeAll(paths);
        return new FieldSet(rest);
    }

    FieldSet minus(FieldSet other) {
        return minus(other.members);
    }

    /** Encodes as FieldsV1: nested {@code f:}/{@code k:}/{@code v:} objects, {@code "."} marking a member with children. */
    ObjectNode toFieldsV1() {
        Node root = new Node();
        for (FieldPath path : members) {
            Node node = root;
            for (String element : path.elements()) {
                node = node.children.computeIfAbsent(element, e -> new Node());
            }
            node.member = true;
        }
        return root.encode();
    }

    static FieldSet fromFieldsV1(JsonNode fieldsV1) {
        Set<FieldPath> members = new LinkedHashSet<>();
        decode(fieldsV1, FieldPath.ROOT, members);
        return new FieldSet(members);
    }

    private static void decode(JsonNode node, FieldPath path, Set<FieldPath> members) {
        if (node == null || !node.isObject()) {
            return;
        }
        if (node.isEmpty() && !path.isEmpty()) {
            members.add(path);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equals(".")) {
                members.add(path);
            } else {
                decode(entry.getValue(), path.child(entry.getKey()), members);
            }
        }
    }

    private static final class Node {
        private final Map<String, Node> children = new TreeMap<>();
        private boolean member;

        ObjectNode encode() {
            ObjectNode json = Json.object();
            if (member && !children.isEmpty()) {
                json.putObject(".");
            }
            children.forEach((element, child) -> json.set(element, child.encode()));
            return json;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSet set && set.members.equals(members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return members.toString();
    }
}
