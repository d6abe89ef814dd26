package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers for the kinds' defaulting functions: fill in a field only where the object leaves it out. */
final class Defaults {

    private Defaults() {
    }

    /** The child object {@code field}, created when absent (or not an object). */
    static ObjectNode object(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode existing ? existing : parent.putObject(field);
    }

    static void putIfAbsent(ObjectNode object, String field, String value) {
        if (!object.hasNonNull(field) || object.path(field).asText().isEmpty()) {
            object.put(field, value);
        }
    }

    static void putIfAbsent(ObjectNode object, String field, int value) {
        if (!object.hasNonNull(field)) {
            object.put(field, value);
        }
    }

    static void putIfAbsent(ObjectNode object, String field, boolean value) {
        if (!object.hasNonNull(field)) {
            object.put(field, value);
        }
    }
}
