package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Deleting objects as the API server does, with what the controllers then do: finalizers hold an object (it gets a
 * {@code deletionTimestamp} and stays until the last finalizer is removed), the propagation policy decides what
 * happens to dependents ({@link GarbageCollector}), a namespace is emptied and removed by the
 * {@link NamespaceController}, a CustomResourceDefinition takes its custom resources with it. Callers hold the
 * store's monitor.
 */
final class Deletions {

    /** The finalizer the API server puts on a CRD being deleted until its custom resources are gone. */
    static final String CRD_CLEANUP_FINALIZER = "customresourcecleanup.apiextensions.k8s.io";

    private final ObjectStore store;
    private final ResourceTypes types;
    private final GarbageCollector garbageCollector;
    private final NamespaceController namespaces;

    Deletions(ObjectStore store, ResourceTypes types, ControllerLoop controllers) {
        this.store = store;
        this.types = types;
        this.garbageCollector = new GarbageCollector(store, this);
        this.namespaces = new NamespaceController(store, this, controllers);
    }

    /**
     * A DELETE of one object. A namespace turns Terminating and is emptied and removed by its controller; a CRD gets
     * {@value #CRD_CLEANUP_FINALIZER} and goes once its custom resources are deleted; an object with finalizers, or
     * deleted with a policy that puts one on it (Orphan, Foreground), gets a {@code deletionTimestamp} and waits for
     * them; anything else is removed at once and its dependents are collected.
     */
    Deletion delete(ObjectRef ref, ObjectNode live, DeletionPolicy policy, boolean dryRun) {
        if (ref.sameType("", "namespaces")) {
            return namespaces.delete(ref, live, dryRun);
        }
        if (Json.isTerminating(live)) {
            return new Deletion.Terminating(live);
        }
        List<String> finalizers = finalizers(live);
        policy.finalizer().filter(f -> !finalizers.contains(f)).ifPresent(finalizers::add);
        if (ResourceTypes.isCrd(ref)) {
            finalizers.add(CRD_CLEANUP_FINALIZER);
        }
        if (finalizers.isEmpty()) {
            return new Deletion.Removed(dryRun ? live : remove(ref, live));
        }
        ObjectNode terminating = live.deepCopy();
        ObjectNode metadata = Json.metadata(terminating);
        metadata.put("deletionTimestamp", Json.now());
        metadata.put("deletionGracePeriodSeconds", 0L);
        ArrayNode list = metadata.putArray("finalizers");
        finalizers.forEach(list::add);
        if (metadata.has("generation")) {
            metadata.put("generation", Json.generation(live) + 1);
        }
        if (ResourceTypes.isCrd(ref)) {
            CrdStatus.terminating(terminating);
        }
        if (dryRun) {
            return new Deletion.Terminating(terminating);
        }
        metadata.put("resourceVersion", String.valueOf(store.nextResourceVersion()));
        store.put(ref, terminating);
        finalizeAtOnce(ref, terminating, policy);
        return new Deletion.Terminating(terminating);
    }

    /** A DELETE of every object of one type, in one namespace or all, that the selectors match; each as above. */
    void deleteAll(List<ObjectRef> refs, DeletionPolicy policy) {
        for (ObjectRef ref : refs) {
            store.get(ref).ifPresent(live -> delete(ref, live, policy, false));
        }
    }

    /**
     * What the controllers do right away for a terminating object: the garbage collector orphans or deletes its
     * dependents (Orphan, Foreground), the CRD controller deletes a CRD's custom resources; each then takes its
     * finalizer off, and the object goes when it held the last one.
     */
    private void finalizeAtOnce(ObjectRef ref, ObjectNode terminating, DeletionPolicy policy) {
        switch (policy) {
            case ORPHAN -> garbageCollector.orphanDependents(ref, terminating);
            case FOREGROUND -> garbageCollector.deleteDependentsFirst(ref, terminating);
            case BACKGROUND -> {
                // nothing to do before the owner goes
            }
        }
        if (ResourceTypes.isCrd(ref)) {
            removeCustomResources(terminating);
            store.get(ref).ifPresent(current -> removeFinalizer(ref, current, CRD_CLEANUP_FINALIZER));
        }
    }

    /** Takes one finalizer off a terminating object (as its controller would), removing the object after the last. */
    void removeFinalizer(ObjectRef ref, ObjectNode live, String finalizer) {
        List<String> finalizers = finalizers(live);
        if (!finalizers.remove(finalizer)) {
            return;
        }
        ObjectNode updated = live.deepCopy();
        if (finalizers.isEmpty()) {
            Json.metadata(updated).remove("finalizers");
        } else {
            ArrayNode list = Json.metadata(updated).putArray("finalizers");
            finalizers.forEach(list::add);
        }
        Json.metadata(updated).put("resourceVersion", String.valueOf(store.nextResourceVersion()));
        store.put(ref, updated);
        if (finalizers.isEmpty() && Json.isTerminating(updated)) {
            remove(ref, updated);
        }
    }

    /**
     * Removes the object now, then what depended on it (background garbage collection); a foreground owner waiting
     * for it may go, and so may its namespace when it was the last object in a terminating one. Returns the
     * object's final state.
     */
    ObjectNode remove(ObjectRef ref, ObjectNode live) {
        ObjectNode last = live.deepCopy();
        Json.metadata(last).put("resourceVersion", String.valueOf(store.nextResourceVersion()));
        store.remove(ref, last);
        if (ResourceTypes.isCrd(ref)) {
            types.invalidate();
            removeCustomResources(live);
        }
        garbageCollector.ownerRemoved(live);
        garbageCollector.dependentRemoved(live);
        if (!ref.namespace().isEmpty()) {
            namespaces.objectRemoved(ref.namespace());
        } else if (ref.sameType("", "namespaces")) {
            namespaces.namespaceRemoved(ref.name());
        }
        return last;
    }

    /** After a write: a new or changed object whose owners are all gone is collected, as the garbage collector does. */
    void collectIfOwnersGone(ObjectRef ref, ObjectNode object) {
        garbageCollector.checkOwners(ref, object);
    }

    /** Deleting a CRD deletes its custom resources, as the CRD's finalizing controller does. */
    private void removeCustomResources(ObjectNode crd) {
        String group = crd.path("spec").path("group").asText();
        String plural = crd.path("spec").path("names").path("plural").asText();
        for (var entry : store.list(group, plural, null, o -> true)) {
            store.get(entry.getKey()).ifPresent(current -> remove(entry.getKey(), current));
        }
    }

    static List<String> finalizers(JsonNode object) {
        List<String> finalizers = new ArrayList<>();
        object.path("metadata").path("finalizers").forEach(f -> finalizers.add(f.asText()));
        return finalizers;
    }
}
