package io.sluice.api.meta;

import java.util.Objects;

/**
 * Identifies one API object as {@code kind/namespace/name}.
 *
 * <p>This string is the Kafka record key and the CloudEvents {@code subject} of every event about the
 * object, so all events about one object land on one partition and stay in order. Cluster-scoped objects
 * have an empty namespace: {@code Namespace//team-a}.
 */
public record ObjectKey(String kind, String namespace, String name) {

    public ObjectKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
        if (kind.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("an object key needs a kind and a name, got kind='" + kind + "' name='" + name + "'");
        }
        if (kind.contains("/") || namespace.contains("/") || name.contains("/")) {
            throw new IllegalArgumentException("kind, namespace and name must not contain '/': " + kind + "/" + namespace + "/" + name);
        }
    }

    public static ObjectKey of(String kind, String namespace, String name) {
        return new ObjectKey(kind, namespace, name);
    }

    /** Parses {@code kind/namespace/name}; the namespace may be empty. */
    public static ObjectKey parse(String subject) {
        if (subject == null) {
            throw new IllegalArgumentException("object key is missing; expected kind/namespace/name");
        }
        String[] parts = subject.split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("object key '" + subject + "' is not of the form kind/namespace/name");
        }
        return new ObjectKey(parts[0], parts[1], parts[2]);
    }

    /** The record key and CloudEvents subject: {@code kind/namespace/name}. */
    public String subject() {
        return kind + "/" + namespace + "/" + name;
    }

    @Override
    public String toString() {
        return subject();
    }
}
