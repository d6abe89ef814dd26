package io.sluice.sandbox.cluster.apiserver;

import java.util.Comparator;

/**
 * Where an object is stored: API group, resource (plural), namespace ({@code ""} when cluster-scoped) and
 * name. The version is not part of it: one object is served at whatever version the request names.
 * Ordered like etcd keys, so lists come back sorted by namespace and name as on a real server.
 */
record ObjectRef(String group, String plural, String namespace, String name) implements Comparable<ObjectRef> {

    private static final Comparator<ObjectRef> ORDER = Comparator.comparing(ObjectRef::group)
            .thenComparing(ObjectRef::plural).thenComparing(ObjectRef::namespace).thenComparing(ObjectRef::name);

    /** {@code configmaps} or {@code deployments.apps}, as error messages name a resource. */
    String resource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    boolean sameType(String otherGroup, String otherPlural) {
        return group.equals(otherGroup) && plural.equals(otherPlural);
    }

    @Override
    public int compareTo(ObjectRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return resource() + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
