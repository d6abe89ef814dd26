package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live state of a set of objects, read up front with as few requests as possible, all in flight
 * together ({@link InFlight}).
 *
 * <p>Objects are grouped by apiVersion, kind and namespace. A large group ({@value #LIST_THRESHOLD} objects or
 * more) is read with one LIST; a small group, and cluster-scoped kinds, object by object with GETs, so a few
 * Secrets never cost a list of all Secrets of a namespace and a few Namespaces never a list of all of them.
 * A list the server refuses (no permission to list) falls back to GETs, which then report the error object by
 * object. A kind the server does not serve is an error for each of its objects.
 */
final class LiveObjects {

    static final int LIST_THRESHOLD = 8;

    /** Per object key: the live object, or empty when it does not exist. */
    private final Map<String, Optional<ObjectNode>> found = new HashMap<>();
    private final Map<String, KubernetesClientException> failed = new HashMap<>();

    /** One GET's outcome: the object (empty when missing), or why it could not be read. */
    private record Read(Optional<ObjectNode> object, KubernetesClientException failure) { }

    /** Reads the live state of these objects; an object read before is read again (after its CRD was created). */
    void read(ApiCalls api, List<ObjectRef> refs) {
        Map<String, List<ObjectRef>> groups = new LinkedHashMap<>();
        for (ObjectRef ref : refs) {
            groups.computeIfAbsent(ref.apiVersion() + "|" + ref.kind() + "|" + ref.namespace(), k -> new ArrayList<>()).add(ref);
        }
        List<List<ObjectRef>> listed = new ArrayList<>();
        List<ObjectRef> single = new ArrayList<>();
        for (List<ObjectRef> group : groups.values()) {
            if (group.size() >= LIST_THRESHOLD && !group.get(0).namespace().isEmpty()) {
                listed.add(group);
            } else {
                single.addAll(group);
            }
        }
        // outcomes are collected here, on the calling thread: the callbacks run on the HTTP client's threads
        List<Map<String, ObjectNode>> lists = InFlight.map(listed, group -> api.list(group.get(0)),
                (group, items, failure) -> failure == null ? items : null);
        for (int i = 0; i < listed.size(); i++) {
            Map<String, ObjectNode> items = lists.get(i);
            if (items == null) {
                single.addAll(listed.get(i));
            } else {
                listed.get(i).forEach(ref -> {
                    failed.remove(key(ref));
                    found.put(key(ref), Optional.ofNullable(items.get(ref.name())));
                });
            }
        }
        List<Read> reads = InFlight.map(single, api::get, (ref, object, failure) -> new Read(object, failure == null ? null
                : failure instanceof KubernetesClientException e ? e : new KubernetesClientException(failure.toString(), failure)));
        for (int i = 0; i < single.size(); i++) {
            Read read = reads.get(i);
            String key = key(single.get(i));
            if (read.failure() != null) {
                found.remove(key);
                failed.put(key, read.failure());
            } else {
                failed.remove(key);
                found.put(key, read.object());
            }
        }
    }

    /**
     * The live object, or null when it does not exist.
     *
     * @throws KubernetesClientException when it could not be read (kind not served, no permission)
     */
    ObjectNode get(ObjectRef ref) {
        KubernetesClientException failure = failed.get(key(ref));
        if (failure != null) {
            throw failure;
        }
        Optional<ObjectNode> object = found.get(key(ref));
        if (object == null) {
            throw new IllegalStateException(ref.objectName() + " was not read; read it with LiveObjects.read first");
        }
        return object.orElse(null);
    }

    private static String key(ObjectRef ref) {
        return ref.apiVersion() + "|" + ref.kind() + "|" + ref.namespace() + "|" + ref.name();
    }
}
