package io.sluice.apply.ssa;

import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one apply (and prune) did, object by object, in the order it happened. Its entries are the
 * ones {@code ApplyCompleted.changeSet} carries.
 */
public record ChangeSet(List<ChangeSetEntry> entries) {

    public ChangeSet {
        entries = List.copyOf(entries);
    }

    public static ChangeSet empty() {
        return new ChangeSet(List.of());
    }

    static ChangeSetEntry entry(ObjectRef ref, ChangeAction action) {
        return new ChangeSetEntry(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name(), action);
    }

    /** This change set followed by another (the apply, then the prune). */
    public ChangeSet plus(ChangeSet more) {
        List<ChangeSetEntry> all = new ArrayList<>(entries);
        all.addAll(more.entries);
        return new ChangeSet(all);
    }

    public List<ChangeSetEntry> entries(ChangeAction action) {
        return entries.stream().filter(entry -> entry.action() == action).toList();
    }

    /** What happened to one object, looked up by group, kind, namespace and name. */
    public Optional<ChangeAction> actionOf(ObjectRef ref) {
        return entries.stream()
                .filter(entry -> ref.sameObject(new ObjectRef(entry.apiVersion(), entry.kind(), entry.namespace(), entry.name())))
                .map(ChangeSetEntry::action)
                .findFirst();
    }

    /** True when some object was created, configured or deleted. */
    public boolean changedAnything() {
        return entries.stream().anyMatch(entry -> entry.action() == ChangeAction.CREATED
                || entry.action() == ChangeAction.CONFIGURED || entry.action() == ChangeAction.DELETED);
    }

    /**
     * For events and logs: {@code Namespace/apps created, ConfigMap/apps/old deleted}, every entry but the unchanged
     * ones, or {@code no changes (3 objects unchanged)} when all were.
     */
    public String summary() {
        String changed = entries.stream().filter(entry -> entry.action() != ChangeAction.UNCHANGED)
                .map(entry -> entry.objectName() + " " + entry.action().json())
                .collect(Collectors.joining(", "));
        return changed.isEmpty() ? "no changes (" + entries.size() + " objects unchanged)" : changed;
    }

    /** The objects applied (not deleted, not skipped): what the new inventory lists. */
    public List<ObjectRef> applied() {
        return entries.stream()
                .filter(entry -> entry.action() == ChangeAction.CREATED || entry.action() == ChangeAction.CONFIGURED
                        || entry.action() == ChangeAction.UNCHANGED)
                .map(entry -> new ObjectRef(entry.apiVersion(), entry.kind(), entry.namespace(), entry.name()))
                .toList();
    }
}
