package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stores what a write request produced, setting what only the server sets: a new object's uid, creation time and
 * generation; an updated object's generation (when more than metadata changed) and, for every change, a new
 * resourceVersion. Nothing is stored on a dry run. Callers hold the store's monitor.
 */
final class ObjectWriter {

    private static final String STATUS = "status";

    private final ObjectStore store;
    private final ResourceTypes types;
    private final Deletions deletions;

    ObjectWriter(ObjectStore store, ResourceTypes types, Deletions deletions) {
        this.store = store;
        this.types = types;
        this.deletions = deletions;
    }

    /** Refuses new objects in a namespace that is being deleted (403, as a real server's admission does). */
    void admitToNamespace(ObjectRef ref) {
        if (ref.namespace().isEmpty()) {
            return;
        }
        store.peek(new ObjectRef("", "namespaces", "", ref.namespace())).filter(Json::isTerminating).ifPresent(ns -> {
            throw ApiException.forbidden(ref, ref.resource() + " \"" + ref.name() + "\" is forbidden: unable to create "
                    + "new content in namespace " + ref.namespace() + " because it is being terminated");
        });
    }

    /** Stores a new object: uid, creation time, generation 1, a resourceVersion (unless dry run). */
    ObjectNode insert(ResourcePath path, ObjectRef ref, ObjectNode object) {
        Validation.name(ref, types.kindOf(object, path));
        ObjectNode metadata = Json.metadata(object);
        metadata.put("uid", newUid());
        metadata.put("creationTimestamp", Json.now());
        metadata.put("generation", 1L);
        if (ref.sameType("", "namespaces")) {
            object.putObject(STATUS).put("phase", "Active");
        }
        if (ResourceTypes.isCrd(ref)) {
            CrdStatus.accept(object, null);
        }
        if (path.dryRun()) {
            return object;
        }
        metadata.put("resourceVersion", String.valueOf(store.nextResourceVersion()));
        store.put(ref, object);
        if (ResourceTypes.isCrd(ref)) {
            types.invalidate();
        }
        return object;
    }

    /**
     * Stores an updated object: generation up when anything but metadata (and status, for types with a status
     * subresource) changed, a new resourceVersion only when something changed at all. An object being deleted
     * whose last finalizer went is removed.
     */
    ObjectNode commit(ResourcePath path, ObjectRef ref, ObjectNode live, ObjectNode desired, boolean statusWrite) {
        ObjectNode metadata = Json.metadata(desired);
        boolean hasStatus = types.hasStatusSubresource(path);
        long generation = Json.generation(live);
        if (!statusWrite && specChanged(live, desired, hasStatus)) {
            Validation.immutableFields(ref, types.kindOf(desired, path), live, desired);
            generation++;
        }
        metadata.put("generation", generation);
        metadata.put("resourceVersion", Json.meta(live, "resourceVersion"));
        if (ResourceTypes.isCrd(ref)) {
            CrdStatus.accept(desired, live);
        }
        if (Json.isTerminating(desired) && !Json.hasFinalizers(desired)) {
            return path.dryRun() ? desired : deletions.remove(ref, desired, "Background");
        }
        if (Json.same(desired, live) || path.dryRun()) {
            return desired;
        }
        metadata.put("resourceVersion", String.valueOf(store.nextResourceVersion()));
        store.put(ref, desired);
        if (ResourceTypes.isCrd(ref)) {
            types.invalidate();
        }
        return desired;
    }

    private static boolean specChanged(ObjectNode live, ObjectNode desired, boolean hasStatus) {
        return !Json.sameExcept(live, desired, hasStatus ? List.of("metadata", STATUS) : List.of("metadata"));
    }

    /**
     * A version-4 UUID for a new object. Unique, not secret: {@code UUID.randomUUID()} draws from SecureRandom,
     * a tenth of the cost of creating an object in the sandbox.
     */
    private static String newUid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
