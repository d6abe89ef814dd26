package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * Deleting objects as the API server and its controllers together would: finalizers, garbage collection
 * through ownerReferences, namespace deletion, custom resources going with their CRD. Everything happens
 * inside the DELETE request (or the update that removes the last finalizer). Callers hold the store's monitor.
 */
final class Deletions {

    private final ObjectStore store;
    private final ResourceTypes types;

    Deletions(ObjectStore store, ResourceTypes types) {
        this.store = store;
        this.types = types;
    }

    /**
     * Deletes as the API server and its controllers together would: a namespace first deletes everything in
     * it; an object with finalizers only gets its deletionTimestamp; otherwise it goes, and then its
     * dependents (ownerReferences) are collected, unless the policy is Orphan. Foreground is treated as
     * Background: the owner goes first.
     */
    ObjectNode delete(ObjectRef ref, ObjectNode live, String policy) {
        if (ref.sameType("", "namespaces")) {
            return deleteNamespace(ref, live);
        }
        if (Json.hasFinalizers(live)) {
            if (Json.isTerminating(live)) {
                return live;
            }
            ObjectNode terminating = live.deepCopy();
            ObjectNode metadata = Json.metadata(terminating);
            metadata.put("deletionTimestamp", Json.now());
            metadata.put("deletionGracePeriodSeconds", 0L);
            if (Json.generation(live) > 0) { // kinds without a generation get none
                metadata.put("generation", Json.generation(live) + 1);
            }
            metadata.put("resourceVersion", String.valueOf(store.nextResourceVersion()));
            store.put(ref, terminating);
            return terminating;
        }
        return remove(ref, live, policy);
    }

    private ObjectNode deleteNamespace(ObjectRef ref, ObjectNode live) {
        ObjectNode namespace = live;
        if (!Json.isTerminating(live)) {
            namespace = live.deepCopy();
            Json.metadata(namespace).put("deletionTimestamp", Json.now());
            Json.metadata(namespace).put("deletionGracePeriodSeconds", 0L);
            namespace.putObject("status").put("phase", "Terminating");
            Json.metadata(namespace).put("resourceVersion", String.valueOf(store.nextResourceVersion()));
            store.put(ref, namespace);
        }
        String name = ref.name();
        for (ObjectRef object : store.inNamespace(name)) {
            store.get(object).ifPresent(current -> delete(object, current, "Background"));
        }
        return finishNamespace(name).orElse(namespace);
    }

    /** Removes a terminating namespace once nothing is left in it; returns it while it stays. */
    private Optional<ObjectNode> finishNamespace(String name) {
        ObjectRef ref = new ObjectRef("", "namespaces", "", name);
        Optional<ObjectNode> namespace = store.get(ref);
        if (namespace.isEmpty() || !Json.isTerminating(namespace.get())) {
            return namespace;
        }
        boolean empty = !store.anyInNamespace(name);
        if (empty && !Json.hasFinalizers(namespace.get())) {
            remove(ref, namespace.get(), "Background");
            return Optional.empty();
        }
        return namespace;
    }

    /** Removes the object now, then what depended on it; returns its final state. */
    ObjectNode remove(ObjectRef ref, ObjectNode live, String policy) {
        ObjectNode last = live.deepCopy();
        Json.metadata(last).put("resourceVersion", String.valueOf(store.nextResourceVersion()));
        store.remove(ref, last);
        String uid = Json.meta(live, "uid");
        if (ref.sameType(ResourceTypes.CRD_GROUP, ResourceTypes.CRD_PLURAL)) {
            types.invalidate();
            removeCustomResources(live);
        }
        if (uid != null) {
            if (policy.equals("Orphan")) {
                orphanDependents(uid);
            } else {
                collectGarbage(uid);
            }
        }
        if (!ref.namespace().isEmpty()) {
            finishNamespace(ref.namespace());
        }
        return last;
    }

    /** Deleting a CRD deletes its custom resources, as on a real server. */
    private void removeCustomResources(ObjectNode crd) {
        String group = crd.path("spec").path("group").asText();
        String plural = crd.path("spec").path("names").path("plural").asText();
        for (Map.Entry<ObjectRef, ObjectNode> entry : store.list(group, plural, null, o -> true)) {
            store.get(entry.getKey()).ifPresent(current -> remove(entry.getKey(), current, "Background"));
        }
    }

    /**
     * The garbage collector's work for one removed owner: a dependent with no other owner left is deleted
     * (its own finalizers and dependents honoured); one that still has a live owner loses the dangling reference.
     */
    private void collectGarbage(String ownerUid) {
        for (ObjectRef ref : store.dependentsOf(ownerUid)) {
            Optional<ObjectNode> current = store.get(ref);
            if (current.isEmpty()) {
                continue;
            }
            ObjectNode dependent = current.get();
            ArrayNode remaining = withoutOwner(dependent, ownerUid);
            boolean anotherOwnerLives = false;
            for (JsonNode owner : remaining) {
                String uid = owner.path("uid").asText();
                anotherOwnerLives |= store.holdsUid(uid);
            }
            if (anotherOwnerLives) {
                rewriteOwners(ref, dependent, remaining);
            } else {
                delete(ref, dependent, "Background");
            }
        }
    }

    private void orphanDependents(String ownerUid) {
        for (ObjectRef dependent : store.dependentsOf(ownerUid)) {
            store.get(dependent).ifPresent(live -> rewriteOwners(dependent, live, withoutOwner(live, ownerUid)));
        }
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
