package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The controller-manager's garbage collector, run inside the request that causes its work: it follows
 * {@code metadata.ownerReferences}. A removed owner's dependents are deleted unless another owner of theirs still
 * exists (then only the reference goes); an owner deleted with Orphan releases its dependents; one deleted with
 * Foreground deletes them first and goes when no dependent with {@code blockOwnerDeletion} is left; an object
 * whose owners do not exist at all is deleted. Callers hold the store's monitor.
 */
final class GarbageCollector {

    private static final String ORPHAN = DeletionPolicy.ORPHAN.finalizer().orElseThrow();
    private static final String FOREGROUND = DeletionPolicy.FOREGROUND.finalizer().orElseThrow();

    private final ObjectStore store;
    private final Deletions deletions;

    GarbageCollector(ObjectStore store, Deletions deletions) {
        this.store = store;
        this.deletions = deletions;
    }

    /** Background collection after an owner went: dependents without another existing owner are deleted. */
    void ownerRemoved(ObjectNode owner) {
        String ownerUid = Json.meta(owner, "uid");
        if (ownerUid == null) {
            return;
        }
        for (ObjectRef ref : store.dependentsOf(ownerUid)) {
            Optional<ObjectNode> current = store.get(ref);
            if (current.isEmpty()) {
                continue;
            }
            ObjectNode dependent = current.get();
            ArrayNode remaining = withoutOwner(dependent, ownerUid);
            if (anyOwnerExists(ref, remaining)) {
                rewriteOwners(ref, dependent, remaining);
            } else {
                deletions.delete(ref, dependent, DeletionPolicy.BACKGROUND, false);
            }
        }
    }

    /** Orphan: every dependent loses its reference to the owner, then the owner's {@code orphan} finalizer goes. */
    void orphanDependents(ObjectRef ownerRef, ObjectNode owner) {
        String ownerUid = Json.meta(owner, "uid");
        for (ObjectRef dependent : store.dependentsOf(ownerUid)) {
            store.get(dependent).ifPresent(live -> rewriteOwners(dependent, live, withoutOwner(live, ownerUid)));
        }
        store.get(ownerRef).ifPresent(current -> deletions.removeFinalizer(ownerRef, current, ORPHAN));
    }

    /**
     * Foreground: every dependent is deleted (in the foreground too); the owner keeps its {@code foregroundDeletion}
     * finalizer while a dependent with {@code blockOwnerDeletion: true} exists.
     */
    void deleteDependentsFirst(ObjectRef ownerRef, ObjectNode owner) {
        String ownerUid = Json.meta(owner, "uid");
        for (ObjectRef dependent : store.dependentsOf(ownerUid)) {
            store.get(dependent).ifPresent(live -> deletions.delete(dependent, live, DeletionPolicy.FOREGROUND, false));
        }
        releaseIfUnblocked(ownerRef);
    }

    /** After an object went: owners deleting in the foreground that it was holding may go now. */
    void dependentRemoved(ObjectNode dependent) {
        String namespace = Json.meta(dependent, "namespace");
        for (JsonNode reference : dependent.path("metadata").path("ownerReferences")) {
            store.refOfUid(reference.path("uid").asText("")).filter(owner -> sameScope(owner, namespace))
                    .ifPresent(this::releaseIfUnblocked);
        }
    }

    private void releaseIfUnblocked(ObjectRef ownerRef) {
        Optional<ObjectNode> owner = store.get(ownerRef);
        if (owner.isEmpty() || !Json.isTerminating(owner.get())
                || !Deletions.finalizers(owner.get()).contains(FOREGROUND)) {
            return;
        }
        String ownerUid = Json.meta(owner.get(), "uid");
        for (ObjectRef dependent : store.dependentsOf(ownerUid)) {
            Optional<ObjectNode> live = store.peek(dependent);
            if (live.isPresent() && blocks(live.get(), ownerUid)) {
                return;
            }
        }
        deletions.removeFinalizer(ownerRef, owner.get(), FOREGROUND);
    }

    /**
     * After a write: an object none of whose owners exists is deleted, one with some owners gone loses the
     * references to them, as the garbage collector does when it first sees such an object.
     */
    void checkOwners(ObjectRef ref, ObjectNode object) {
        JsonNode references = object.path("metadata").path("ownerReferences");
        if (references.isEmpty() || Json.isTerminating(object)) {
            return;
        }
        ArrayNode existing = Json.array();
        for (JsonNode reference : references) {
            if (ownerExists(ref, reference)) {
                existing.add(reference);
            }
        }
        if (existing.isEmpty()) {
            deletions.delete(ref, object, DeletionPolicy.BACKGROUND, false);
        } else if (existing.size() < references.size()) {
            rewriteOwners(ref, object, existing);
        }
    }

    private boolean anyOwnerExists(ObjectRef dependent, ArrayNode references) {
        for (JsonNode reference : references) {
            if (ownerExists(dependent, reference)) {
                return true;
            }
        }
        return false;
    }

    /** An owner exists when an object with its uid and name is stored in the dependent's namespace or cluster-wide. */
    private boolean ownerExists(ObjectRef dependent, JsonNode reference) {
        return store.refOfUid(reference.path("uid").asText(""))
                .filter(owner -> owner.name().equals(reference.path("name").asText()))
                .filter(owner -> sameScope(owner, dependent.namespace()))
                .isPresent();
    }

    private static boolean sameScope(ObjectRef owner, String dependentNamespace) {
        return owner.namespace().isEmpty() || owner.namespace().equals(dependentNamespace);
    }

    private static boolean blocks(JsonNode dependent, String ownerUid) {
        for (JsonNode reference : dependent.path("metadata").path("ownerReferences")) {
            if (ownerUid.equals(reference.path("uid").asText()) && reference.path("blockOwnerDeletion").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private void rewriteOwners(ObjectRef ref, ObjectNode dependent, ArrayNode owners) {
        ObjectNode updated = dependent.deepCopy();
        if (owners.isEmpty()) {
            Json.metadata(updated).remove("ownerReferences");
        } else {
            Json.metadata(updated).set("ownerReferences", owners);
        }
        Json.metadata(updated).put("resourceVersion", String.valueOf(store.nextResourceVersion()));
        store.put(ref, updated);
    }

    private static ArrayNode withoutOwner(JsonNode object, String uid) {
        ArrayNode remaining = Json.array();
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            if (!uid.equals(owner.path("uid").asText())) {
                remaining.add(owner);
            }
        }
        return remaining;
    }
}
