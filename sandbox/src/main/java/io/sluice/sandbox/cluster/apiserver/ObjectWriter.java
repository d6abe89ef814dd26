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


    private final ObjectStore store;
    private final ResourceTypes types;
    private final Deletions deletions;
    private final Namespaces namespaces;
    private final ControllerLoop controllers;
    private final RbacEscalation escalation;
    private final ObjectAdmission admission;
    /** Who the request being served comes from (one at a time, under the store's monitor); null for the cluster's own writes. */
    private Identity requester;

    ObjectWriter(ObjectStore store, ResourceTypes types, Deletions deletions, Namespaces namespaces,
            ControllerLoop controllers, RbacEscalation escalation, ObjectAdmission admission) {
        this.store = store;
        this.types = types;
        this.deletions = deletions;
        this.namespaces = namespaces;
        this.controllers = controllers;
        this.escalation = escalation;
        this.admission = admission;
    }

    /** The identity the writes of the current request are checked for (RBAC escalation); null when none is served. */
    void servingFor(Identity who) {
        this.requester = who;
    }

    /**
     * The defaulting the sandbox does on every write, before managedFields are recorded (so the writer owns what it
     * fills in, as on a real server): a Namespace's name label, a CRD's conversion strategy and names.
     */
    static void setDefaults(ObjectRef ref, ObjectNode object) {
        if (Namespaces.isNamespace(ref)) {
            Namespaces.setDefaults(object);
        } else if (ResourceTypes.isCrd(ref)) {
            CrdDefaults.apply(object);
        }
    }

    /** Refuses a new object in a namespace that does not exist (404) or is being deleted (403). */
    void admitToNamespace(ObjectRef ref) {
        namespaces.admit(ref);
    }

    /**
     * Stores a new object: uid, creation time, generation 1 (for kinds that have one), the kind's create-time
     * preparation and validation, a resourceVersion (unless dry run).
     */
    ObjectNode insert(ResourcePath path, ObjectRef ref, ObjectNode object) {
        ObjectNode metadata = Json.metadata(object);
        metadata.put("uid", newUid());
        metadata.put("creationTimestamp", Json.now());
        if (hasGeneration(path, object)) {
            metadata.put("generation", 1L);
        }
        admission.admitCreate(path, object);
        escalation.check(requester, ref, object);
        if (Namespaces.isNamespace(ref)) {
            Namespaces.prepareForCreate(object);
        }
        if (ResourceTypes.isCrd(ref)) {
            CrdStatus.initial(object);
        }
        if (path.dryRun()) {
            return object;
        }
        metadata.put("resourceVersion", String.valueOf(store.nextResourceVersion()));
        store.put(ref, object);
        if (ResourceTypes.isCrd(ref)) {
            controllers.later(0, "establishing " + ref, () -> establish(ref));
        }
        if (Namespaces.isNamespace(ref)) {
            namespaces.initialObjects(ref.name()).forEach(this::insertSystemObject);
        }
        deletions.collectIfOwnersGone(ref, object);
        return object;
    }

    /** Creates an object as a controller does: an Update entry for its manager, then stored as any new object. */
    void insertSystemObject(SystemObject created) {
        ResourcePath path = created.path();
        ObjectNode object = created.object();
        ObjectRef ref = path.ref(Json.meta(object, "name"));
        ManagedFields.write(object, ManagedFields.recordUpdate(List.of(), null, object, created.manager(),
                path.groupVersion(), "", types.schemaOf(object, path)));
        insert(path, ref, object);
    }

    /**
     * Stores an updated object: generation up when anything but metadata (and status, for types with a status
     * subresource) changed, a new resourceVersion only when something changed at all. An object being deleted
     * whose last finalizer went is removed.
     */
    ObjectNode commit(ResourcePath path, ObjectRef ref, ObjectNode live, ObjectNode desired, boolean statusWrite) {
        ObjectNode metadata = Json.metadata(desired);
        checkNoNewFinalizers(ref, types.kindOf(desired, path), live, desired);
        if (!Json.same(live.get("rules"), desired.get("rules")) || !Json.same(live.get("roleRef"), desired.get("roleRef"))) {
            escalation.check(requester, ref, desired);
        }
        boolean hasStatus = types.hasStatusSubresource(path);
        admission.admitUpdate(path, live, desired);
        if (hasGeneration(path, desired)) {
            boolean bumps = !statusWrite && GenerationRules.bumps(path.group(), types.kindOf(desired, path), live,
                    desired, hasStatus);
            metadata.put("generation", Json.generation(live) + (bumps ? 1 : 0));
        } else {
            metadata.remove("generation");
        }
        metadata.put("resourceVersion", Json.meta(live, "resourceVersion"));
        if (ResourceTypes.isCrd(ref) && !statusWrite) {
            CrdStatus.updated(desired, live);
        }
        if (Json.isTerminating(desired) && !Json.hasFinalizers(desired)) {
            return path.dryRun() ? desired : deletions.remove(ref, desired);
        }
        if (Json.same(desired, live) || path.dryRun()) {
            return desired;
        }
        metadata.put("resourceVersion", String.valueOf(store.nextResourceVersion()));
        store.put(ref, desired);
        if (ResourceTypes.isCrd(ref)) {
            types.invalidate();
        }
        if (!Json.same(desired.path("metadata").get("ownerReferences"), live.path("metadata").get("ownerReferences"))) {
            deletions.collectIfOwnersGone(ref, desired);
        }
        return desired;
    }

    /**
     * An object being deleted may lose finalizers but gain none (422 as on a real server, whose message names the
     * cause twice).
     */
    private static void checkNoNewFinalizers(ObjectRef ref, String kind, ObjectNode live, ObjectNode desired) {
        if (!Json.isTerminating(live)) {
            return;
        }
        List<String> added = new java.util.ArrayList<>(Deletions.finalizers(desired));
        added.removeAll(Deletions.finalizers(live));
        if (added.isEmpty()) {
            return;
        }
        StringBuilder goList = new StringBuilder("[]string{");
        for (int i = 0; i < added.size(); i++) {
            goList.append(i == 0 ? "" : ", ").append('"').append(added.get(i)).append('"');
        }
        String problem = "Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers "
                + goList + "}";
        ApiException.Cause cause = new ApiException.Cause("FieldValueForbidden", problem, "metadata.finalizers");
        throw new ApiException(422, "Invalid", kind + " \"" + ref.name() + "\" is invalid: metadata.finalizers: "
                + problem, new ApiException.Details(ref.name(), ref.group().isEmpty() ? null : ref.group(), kind,
                        List.of(cause, cause)));
    }

    /** The CRD controllers' work a moment after a CRD was created: names accepted, established, its kind served. */
    private void establish(ObjectRef ref) {
        store.get(ref).filter(crd -> !Json.isTerminating(crd)).ifPresent(crd -> {
            if (CrdStatus.establish(crd)) {
                Json.metadata(crd).put("resourceVersion", String.valueOf(store.nextResourceVersion()));
                store.put(ref, crd);
                types.invalidate();
            }
        });
    }

    private boolean hasGeneration(ResourcePath path, ObjectNode object) {
        return GenerationRules.tracked(path.group(), types.kindOf(object, path), admission.isCustomResource(path, object));
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
