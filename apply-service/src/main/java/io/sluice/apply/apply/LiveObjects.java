package io.sluice.apply.apply;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the live state of the objects about to be applied. Where a revision holds many objects of one
 * kind in one namespace (at least {@link #LIST_THRESHOLD}), one LIST replaces a GET per object; a small
 * group is read object by object, so a few Secrets never cost a list of all Secrets of a namespace. A
 * list the server refuses falls back to GETs, which then report the error object by object.
 */
final class LiveObjects {

    static final int LIST_THRESHOLD = 8;

    private final KubernetesClient client;
    private final Map<String, GenericKubernetesResource> listed = new HashMap<>();
    private final Set<String> covered = new HashSet<>();

    LiveObjects(KubernetesClient client) {
        this.client = client;
    }

    /** Lists the large groups among these objects up front. */
    void prefetch(List<GenericKubernetesResource> objects) {
        Map<String, List<ObjectRef>> groups = new LinkedHashMap<>();
        for (GenericKubernetesResource object : objects) {
            ObjectRef ref = ObjectRef.of(object);
            groups.computeIfAbsent(ref.apiVersion() + "|" + ref.kind() + "|" + ref.namespace(), k -> new ArrayList<>()).add(ref);
        }
        for (List<ObjectRef> group : groups.values()) {
            if (group.size() < LIST_THRESHOLD || group.get(0).namespace().isEmpty()) {
                continue; // few objects, or cluster-scoped: GETs
            }
            ObjectRef first = group.get(0);
            try {
                List<GenericKubernetesResource> items = client.genericKubernetesResources(first.apiVersion(), first.kind())
                        .inNamespace(first.namespace()).list().getItems();
                for (GenericKubernetesResource item : items) {
                    listed.put(first.apiVersion() + "|" + first.kind() + "|" + first.namespace() + "|" + item.getMetadata().getName(), item);
                }
                group.forEach(ref -> covered.add(key(ref)));
            } catch (KubernetesClientException e) {
                // not listable (kind not served, no permission): get() asks object by object and reports the error
            }
        }
    }

    /** The live object, or null when it does not exist. */
    GenericKubernetesResource get(GenericKubernetesResource object) {
        ObjectRef ref = ObjectRef.of(object);
        if (covered.contains(key(ref))) {
            return listed.get(key(ref));
        }
        return client.resource(object).get();
    }

    private static String key(ObjectRef ref) {
        return ref.apiVersion() + "|" + ref.kind() + "|" + ref.namespace() + "|" + ref.name();
    }
}
