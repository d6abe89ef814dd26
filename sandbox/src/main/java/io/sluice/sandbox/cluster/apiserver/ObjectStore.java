package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The objects, the cluster-wide {@code resourceVersion} counter, and the recent change history that watches
 * resume from. Not thread-safe: {@link ApiServer} holds the store's monitor for every request, so each
 * request (including a server-side apply's read-merge-write) is atomic, and watchers see changes in order.
 */
final class ObjectStore {

    /** One change, as a watch reports it; {@code previous} lets a selector watch turn MODIFIED into ADDED/DELETED. */
    static final class Change {

        private final long resourceVersion;
        private final String type;
        private final ObjectRef ref;
        private final ObjectNode object;
        private final ObjectNode previous;
        /** The object's JSON, written once for all the watches that send it. */
        private byte[] objectJson;

        Change(long resourceVersion, String type, ObjectRef ref, ObjectNode object, ObjectNode previous) {
            this.resourceVersion = resourceVersion;
            this.type = type;
            this.ref = ref;
            this.object = object;
            this.previous = previous;
        }

        long resourceVersion() {
            return resourceVersion;
        }

        String type() {
            return type;
        }

        ObjectRef ref() {
            return ref;
        }

        ObjectNode object() {
            return object;
        }

        ObjectNode previous() {
            return previous;
        }

        byte[] objectJson() {
            if (objectJson == null) {
                objectJson = Json.writeBytes(object);
            }
            return objectJson;
        }
    }

    /** Changes kept for watches that resume from a resourceVersion; older ones answer 410 Gone. */
    static final int HISTORY = 4_096;

    /**
     * The objects, each a private copy that is never changed in place (an update stores a new tree), so the
     * change history and the JSON cache can share it.
     */
    private final TreeMap<ObjectRef, ObjectNode> objects = new TreeMap<>();
    /** The JSON of stored objects that were read or written since they last changed. */
    private final Map<ObjectRef, byte[]> json = new HashMap<>();
    /** The same without apiVersion and kind, as items of a built-in type's LIST are sent. */
    private final Map<ObjectRef, byte[]> itemJson = new HashMap<>();
    /**
     * Indexes for deletion: the objects of each namespace, the dependents of each owner uid (ownerReferences),
     * and which object has which uid. Without them deleting a namespace of n objects scanned every stored object
     * for each of the n.
     */
    private final Map<String, Set<ObjectRef>> byNamespace = new HashMap<>();
    private final Map<String, Set<ObjectRef>> dependentsByOwner = new HashMap<>();
    private final Map<String, ObjectRef> byUid = new HashMap<>();
    private final Deque<Change> history = new ArrayDeque<>();
    private final Set<WatchSession> watches = new LinkedHashSet<>();
    /** In-process observers of every change (the simulated controllers); called with the store's monitor held. */
    private final List<java.util.function.Consumer<Change>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long resourceVersion;
    /** The oldest resourceVersion a watch may resume from. */
    private long historyStart;

    long resourceVersion() {
        return resourceVersion;
    }

    /** The oldest resourceVersion a watch (or a continued LIST) may start from: older ones answer 410 Gone. */
    long oldestResumableVersion() {
        return historyStart;
    }

    /**
     * Forgets the changes so far, as a real server's watch cache starts empty: called once the sandbox has set itself
     * up, so its own namespaces and CRDs are not replayed to a watch from resourceVersion 1 (which gets 410, as from
     * a real server).
     */
    void forgetHistory() {
        history.clear();
        historyStart = resourceVersion;
    }

    long nextResourceVersion() {
        return ++resourceVersion;
    }

    Optional<ObjectNode> get(ObjectRef ref) {
        ObjectNode object = objects.get(ref);
        return Optional.ofNullable(object == null ? null : object.deepCopy());
    }

    /** A copy of the stored object; 404 when there is none. */
    ObjectNode require(ObjectRef ref) {
        return get(ref).orElseThrow(() -> ApiException.notFound(ref));
    }

    /**
     * The stored object itself, not a copy: for callers that only read it within the request (server-side apply
     * reads the live object once per request). Never change it.
     */
    Optional<ObjectNode> peek(ObjectRef ref) {
        return Optional.ofNullable(objects.get(ref));
    }

    /** The stored object's JSON, written once and kept until it changes: LIST answers and write answers share it. */
    byte[] json(ObjectRef ref) {
        ObjectNode object = objects.get(ref);
        if (object == null) {
            throw new IllegalStateException("no stored object " + ref);
        }
        return json(ref, object);
    }

    /** Objects of one type, in one namespace (or all when {@code namespace} is null), sorted like etcd keys. */
    List<Map.Entry<ObjectRef, ObjectNode>> list(String group, String plural, String namespace,
            Predicate<ObjectNode> filter) {
        List<Map.Entry<ObjectRef, ObjectNode>> result = new ArrayList<>();
        for (Map.Entry<ObjectRef, ObjectNode> entry : ofType(group, plural, namespace).entrySet()) {
            if (filter.test(entry.getValue())) {
                result.add(Map.entry(entry.getKey(), entry.getValue().deepCopy()));
            }
        }
        return result;
    }

    /** One page of a LIST: the items' JSON, and where the next page starts (null when this is the last). */
    record Page(List<byte[]> items, ObjectRef last, boolean more, long remaining) {
    }

    /**
     * A page of the stored objects of one type, serialized: for answering a LIST without copying each tree. Each
     * object's JSON is written once and kept until the object changes, so a no-change re-apply that lists a
     * thousand objects does not serialize a thousand trees again.
     *
     * @param after the last item of the previous page (null: from the start)
     * @param limit at most this many items (0: all)
     * @param typeFields whether items carry apiVersion and kind (custom resources) or not (built-in types)
     */
    Page page(String group, String plural, String namespace, Predicate<ObjectNode> filter, ObjectRef after, long limit,
            boolean typeFields) {
        NavigableMap<ObjectRef, ObjectNode> range = ofType(group, plural, namespace);
        if (after != null) {
            range = range.tailMap(after, false);
        }
        List<byte[]> items = new ArrayList<>();
        ObjectRef last = null;
        long seen = 0;
        for (Map.Entry<ObjectRef, ObjectNode> entry : range.entrySet()) {
            if (!filter.test(entry.getValue())) {
                continue;
            }
            if (limit > 0 && items.size() == limit) {
                // one more match: there is a next page; without a filter the real server also counts what is left
                return new Page(items, last, true, range.size() - seen);
            }
            items.add(typeFields ? json(entry.getKey(), entry.getValue()) : itemJson(entry.getKey(), entry.getValue()));
            last = entry.getKey();
            seen++;
        }
        return new Page(items, last, false, 0);
    }

    private byte[] json(ObjectRef ref, ObjectNode object) {
        return json.computeIfAbsent(ref, r -> Json.writeBytes(object));
    }

    private byte[] itemJson(ObjectRef ref, ObjectNode object) {
        return itemJson.computeIfAbsent(ref, r -> {
            ObjectNode withoutType = Json.object();
            object.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("apiVersion") && !field.getKey().equals("kind")) {
                    withoutType.set(field.getKey(), field.getValue());
                }
            });
            return Json.writeBytes(withoutType);
        });
    }

    /**
     * The objects of one type (and namespace): one range of the sorted map, as etcd reads one key prefix.
     * {@code x + "\0"} sorts right after {@code x} and before every longer string that starts with it.
     */
    private NavigableMap<ObjectRef, ObjectNode> ofType(String group, String plural, String namespace) {
        if (namespace == null) {
            return objects.subMap(new ObjectRef(group, plural, "", ""), true, new ObjectRef(group, plural + "\0", "", ""), false);
        }
        return objects.subMap(new ObjectRef(group, plural, namespace, ""), true,
                new ObjectRef(group, plural, namespace + "\0", ""), false);
    }

    /**
     * The stored objects of one type (in one namespace, or all when null) themselves, not copies: for callers that
     * only read them within the request (authorization reads the RBAC objects). Never change them.
     */
    java.util.Collection<ObjectNode> stored(String group, String plural, String namespace) {
        return java.util.Collections.unmodifiableCollection(ofType(group, plural, namespace).values());
    }

    /** The objects in a namespace, in etcd key order, for deleting it. */
    List<ObjectRef> inNamespace(String namespace) {
        return sorted(byNamespace.getOrDefault(namespace, Set.of()));
    }

    boolean anyInNamespace(String namespace) {
        return byNamespace.containsKey(namespace);
    }

    /** The objects whose ownerReferences name {@code ownerUid}, in etcd key order, for garbage collection. */
    List<ObjectRef> dependentsOf(String ownerUid) {
        return sorted(dependentsByOwner.getOrDefault(ownerUid, Set.of()));
    }

    /** Where the object with this uid is stored, if one is. */
    Optional<ObjectRef> refOfUid(String uid) {
        return Optional.ofNullable(byUid.get(uid));
    }

    /**
     * A snapshot in etcd key order, so deletions happen in the order they did when the whole store was scanned;
     * callers read each object with {@link #get} when they come to it (earlier deletions may have removed it).
     */
    private static List<ObjectRef> sorted(Set<ObjectRef> refs) {
        return List.copyOf(new TreeSet<>(refs));
    }

    /** Stores an object whose {@code metadata.resourceVersion} the caller has just taken from {@link #nextResourceVersion()}. */
    void put(ObjectRef ref, ObjectNode object) {
        ObjectNode stored = object.deepCopy();
        ObjectNode previous = objects.put(ref, stored);
        json.remove(ref);
        itemJson.remove(ref);
        unindex(ref, previous);
        index(ref, stored);
        record(new Change(resourceVersion, previous == null ? "ADDED" : "MODIFIED", ref, stored, previous));
    }

    /** Removes an object; {@code finalState} is what watchers receive, with a fresh resourceVersion. */
    void remove(ObjectRef ref, ObjectNode finalState) {
        ObjectNode previous = objects.remove(ref);
        json.remove(ref);
        itemJson.remove(ref);
        if (previous != null) {
            unindex(ref, previous);
            record(new Change(resourceVersion, "DELETED", ref, finalState.deepCopy(), previous));
        }
    }

    private void index(ObjectRef ref, ObjectNode object) {
        if (!ref.namespace().isEmpty()) {
            byNamespace.computeIfAbsent(ref.namespace(), n -> new HashSet<>()).add(ref);
        }
        String uid = Json.meta(object, "uid");
        if (uid != null) {
            byUid.put(uid, ref);
        }
        for (String owner : ownerUids(object)) {
            dependentsByOwner.computeIfAbsent(owner, o -> new HashSet<>()).add(ref);
        }
    }

    private void unindex(ObjectRef ref, ObjectNode object) {
        if (object == null) {
            return;
        }
        removeFrom(byNamespace, ref.namespace(), ref);
        String uid = Json.meta(object, "uid");
        if (uid != null && ref.equals(byUid.get(uid))) {
            byUid.remove(uid);
        }
        for (String owner : ownerUids(object)) {
            removeFrom(dependentsByOwner, owner, ref);
        }
    }

    private static void removeFrom(Map<String, Set<ObjectRef>> index, String key, ObjectRef ref) {
        Set<ObjectRef> refs = index.get(key);
        if (refs != null && refs.remove(ref) && refs.isEmpty()) {
            index.remove(key);
        }
    }

    private static List<String> ownerUids(ObjectNode object) {
        List<String> uids = new ArrayList<>(1);
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            String uid = owner.path("uid").asText("");
            if (!uid.isEmpty()) {
                uids.add(uid);
            }
        }
        return uids;
    }

    private void record(Change change) {
        history.addLast(change);
        while (history.size() > HISTORY) {
            historyStart = history.removeFirst().resourceVersion();
        }
        for (WatchSession watch : List.copyOf(watches)) {
            watch.deliver(change);
        }
        listeners.forEach(listener -> listener.accept(change));
    }

    /** Tells {@code listener} of every change from now on; it must not block (the store's monitor is held). */
    void listen(java.util.function.Consumer<Change> listener) {
        listeners.add(listener);
    }

    /**
     * Starts delivering to a watch: from {@code sinceVersion} when given (replaying the history after it), or
     * with a synthetic ADDED for every current object when null, as a real server does.
     *
     * @return false when {@code sinceVersion} is older than the history kept (the watch must relist)
     */
    boolean attach(WatchSession watch, Long sinceVersion, String group, String plural, String namespace) {
        if (sinceVersion == null) {
            for (Map.Entry<ObjectRef, ObjectNode> entry : ofType(group, plural, namespace).entrySet()) {
                watch.deliver(new Change(resourceVersion, "ADDED", entry.getKey(), entry.getValue(), null));
            }
        } else {
            if (sinceVersion < historyStart) {
                return false;
            }
            for (Change change : history) {
                if (change.resourceVersion() > sinceVersion) {
                    watch.deliver(change);
                }
            }
        }
        watches.add(watch);
        return true;
    }

    void detach(WatchSession watch) {
        watches.remove(watch);
    }

    int watchCount() {
        return watches.size();
    }
}
