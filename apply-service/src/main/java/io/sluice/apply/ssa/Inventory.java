package io.sluice.apply.ssa;

import io.sluice.api.kustomize.ResourceInventory;
import io.sluice.api.kustomize.ResourceRef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a Kustomization applied, as Flux records it in {@code status.inventory.entries}: one
 * {@link Entry} per object, {@code {id: "<namespace>_<name>_<group>_<kind>", v: "<version>"}},
 * sorted by id, no duplicates. The difference between the last inventory and the new one is what
 * {@link Pruner} deletes.
 */
public record Inventory(List<Entry> entries) {

    /** One inventory entry: Flux's id and the version the object was applied with. */
    public record Entry(String id, String v) {

        public Entry {
            if (id == null || v == null || id.isBlank() || v.isBlank()) {
                throw new IllegalArgumentException("inventory entry needs an id and a version; got id=" + id + ", v=" + v);
            }
        }

        /**
         * The object this entry names. The id is {@code namespace_name_group_kind}: namespace is the
         * part before the first '_', kind after the last, group after the one before; names cannot
         * hold '_', and "__" in the name of an RBAC object stands for ':'.
         */
        public ObjectRef ref() {
            int first = id.indexOf('_');
            int last = id.lastIndexOf('_');
            int beforeLast = last <= 0 ? -1 : id.lastIndexOf('_', last - 1);
            if (first < 0 || beforeLast <= first) {
                throw new IllegalArgumentException("inventory id '" + id
                        + "' is not in Flux's format <namespace>_<name>_<group>_<kind>");
            }
            String namespace = id.substring(0, first);
            String name = id.substring(first + 1, beforeLast);
            String group = id.substring(beforeLast + 1, last);
            String kind = id.substring(last + 1);
            if (group.equals("rbac.authorization.k8s.io")) {
                name = name.replace("__", ":");
            }
            if (name.isEmpty() || kind.isEmpty() || name.contains("_")) {
                throw new IllegalArgumentException("inventory id '" + id
                        + "' is not in Flux's format <namespace>_<name>_<group>_<kind>");
            }
            return new ObjectRef(group.isEmpty() ? v : group + "/" + v, kind, namespace, name);
        }
    }

    public Inventory {
        entries = List.copyOf(entries);
    }

    public static Inventory empty() {
        return new Inventory(List.of());
    }

    /** The inventory of these objects: sorted by id; the same object twice counts once. */
    public static Inventory of(Collection<ObjectRef> objects) {
        TreeMap<String, Entry> byId = new TreeMap<>();
        for (ObjectRef ref : objects) {
            byId.put(ref.inventoryId(), new Entry(ref.inventoryId(), ref.version()));
        }
        return new Inventory(new ArrayList<>(byId.values()));
    }

    /** Reads a Kustomization's {@code status.inventory}; null (never applied) is the empty inventory. */
    public static Inventory from(ResourceInventory inventory) {
        if (inventory == null || inventory.getEntries() == null) {
            return empty();
        }
        List<Entry> entries = inventory.getEntries().stream()
                .map(ref -> new Entry(ref.getId(), ref.getV()))
                .sorted(Comparator.comparing(Entry::id))
                .toList();
        return new Inventory(entries);
    }

    /** The form written to {@code status.inventory}. */
    public ResourceInventory toResourceInventory() {
        ResourceInventory inventory = new ResourceInventory();
        List<ResourceRef> refs = new ArrayList<>();
        for (Entry entry : entries) {
            ResourceRef ref = new ResourceRef();
            ref.setId(entry.id());
            ref.setV(entry.v());
            refs.add(ref);
        }
        inventory.setEntries(refs);
        return inventory;
    }

    public List<ObjectRef> objects() {
        return entries.stream().map(Entry::ref).toList();
    }

    /**
     * Objects in this (the last) inventory that are not in {@code next}: the ones that left Git.
     * Compared by id, so a version change (apps/v1beta1 to apps/v1) is not a removal.
     */
    public List<ObjectRef> removedIn(Inventory next) {
        Set<String> kept = next.entries.stream().map(Entry::id).collect(Collectors.toSet());
        return entries.stream().filter(entry -> !kept.contains(entry.id())).map(Entry::ref).toList();
    }
}
