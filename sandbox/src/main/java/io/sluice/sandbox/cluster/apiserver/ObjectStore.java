package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The objects, the cluster-wide {@code resourceVersion} counter, and the recent change history that watches
 * resume from. Not thread-safe: {@link ApiServer} holds the store's monitor for every request, so each
 * request (including a server-side apply's read-merge-write) is atomic, and watchers see changes in order.
 */
final class ObjectStore {

    /** One change, as a watch reports it; {@code previous} lets a selector watch turn MODIFIED into ADDED/DELETED. */
    record Change(long resourceVersion, String type, ObjectRef ref, ObjectNode object, ObjectNode previous) {
    }

    /** Changes kept for watches that resume from a resourceVersion; older ones answer 410 Gone. */
    static final int HISTORY = 4_096;

    private final TreeMap<ObjectRef, ObjectNode> objects = new TreeMap<>();
    /** The JSON of stored objects that were listed since they last changed. */
    private final Map<ObjectRef, byte[]> json = new HashMap<>();
    private final Deque<Change> history = new ArrayDeque<>();
    private final Set<WatchSession> watches = new LinkedHashSet<>();
    private long resourceVersion;
    /** The oldest resourceVersion a watch may resume from. */
    private long historyStart;

    long resourceVersion() {
        return resourceVersion;
    }

    long nextResourceVersion() {
        return ++resourceVersion;
    }

    Optional<ObjectNode> get(ObjectRef ref) {
        ObjectNode object = objects.get(ref);
        return Optional.ofNullable(object == null ? null : object.deepCopy());
    }

    /** Objects of one type, in one namespace (or all when {@code namespace} is null), sorted like etcd keys. */
    List<Map.Entry<ObjectRef, ObjectNode>> list(String group, String plural, String namespace,
            Predicate<ObjectNode> filter) {
        List<Map.Entry<ObjectRef, ObjectNode>> result = new ArrayList<>();
        for (Map.Entry<ObjectRef, ObjectNode> entry : objects.entrySet()) {
            ObjectRef ref = entry.getKey();
            if (ref.sameType(group, plural) && (namespace == null || ref.namespace().equals(namespace))
                    && filter.test(entry.getValue())) {
                result.add(Map.entry(ref, entry.getValue().deepCopy()));
            }
        }
        return result;
    }

    /**
     * The stored objects of one type, serialized: for answering a LIST without copying each tree. Each
     * object's JSON is written once and kept until the object changes, so a no-change re-apply that lists a
     * thousand objects does not serialize a thousand trees again.
     */
    List<byte[]> listJson(String group, String plural, String namespace, Predicate<ObjectNode> filter) {
        List<byte[]> result = new ArrayList<>();
        for (Map.Entry<ObjectRef, ObjectNode> entry : objects.entrySet()) {
            ObjectRef ref = entry.getKey();
            if (ref.sameType(group, plural) && (namespace == null || ref.namespace().equals(namespace))
                    && filter.test(entry.getValue())) {
                result.add(json.computeIfAbsent(ref, r -> Json.writeBytes(entry.getValue())));
            }
        }
        return result;
    }

    /** Whether any object matches, without copying any (a namespace's "anything left?" runs once per removed object). */
    boolean any(Predicate<Map.Entry<ObjectRef, ObjectNode>> filter) {
        for (Map.Entry<ObjectRef, ObjectNode> entry : objects.entrySet()) {
            if (filter.test(entry)) {
                return true;
            }
        }
        return false;
    }

    /** Every object, for garbage collection and namespace deletion. */
    List<Map.Entry<ObjectRef, ObjectNode>> all(Predicate<Map.Entry<ObjectRef, ObjectNode>> filter) {
        List<Map.Entry<ObjectRef, ObjectNode>> result = new ArrayList<>();
        for (Map.Entry<ObjectRef, ObjectNode> entry : objects.entrySet()) {
            if (filter.test(entry)) {
                result.add(Map.entry(entry.getKey(), entry.getValue().deepCopy()));
            }
        }
        return result;
    }

    /** Stores an object whose {@code metadata.resourceVersion} the caller has just taken from {@link #nextResourceVersion()}. */
    void put(ObjectRef ref, ObjectNode object) {
        ObjectNode previous = objects.put(ref, object.deepCopy());
        json.remove(ref);
        record(new Change(resourceVersion, previous == null ? "ADDED" : "MODIFIED", ref, object.deepCopy(), previous));
    }

    /** Removes an object; {@code finalState} is what watchers receive, with a fresh resourceVersion. */
    void remove(ObjectRef ref, ObjectNode finalState) {
        ObjectNode previous = objects.remove(ref);
        json.remove(ref);
        if (previous != null) {
            record(new Change(resourceVersion, "DELETED", ref, finalState.deepCopy(), previous));
        }
    }

    private void record(Change change) {
        history.addLast(change);
        while (history.size() > HISTORY) {
            historyStart = history.removeFirst().resourceVersion();
        }
        for (WatchSession watch : List.copyOf(watches)) {
            watch.deliver(change);
        }
    }

    /**
     * Starts delivering to a watch: from {@code sinceVersion} when given (replaying the history after it), or
     * with a synthetic ADDED for every current object when null, as a real server does.
     *
     * @return false when {@code sinceVersion} is older than the history kept (the watch must relist)
     */
    boolean attach(WatchSession watch, Long sinceVersion) {
        if (sinceVersion == null) {
            for (Map.Entry<ObjectRef, ObjectNode> entry : objects.entrySet()) {
                watch.deliver(new Change(resourceVersion, "ADDED", entry.getKey(), entry.getValue().deepCopy(), null));
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
