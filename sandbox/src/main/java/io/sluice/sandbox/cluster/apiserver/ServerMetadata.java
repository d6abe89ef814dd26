package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The fields of {@code metadata} only the server sets: what a client sends there is dropped on create and apply,
 * an update keeps the stored values, and no field manager ever owns them. Listed once, here.
 */
final class ServerMetadata {

    /** Set by the server alone; {@code resourceVersion} in a request body is a precondition, never stored as sent. */
    static final List<String> FIELDS = List.of("uid", "resourceVersion", "generation", "creationTimestamp",
            "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink");

    private ServerMetadata() {
    }

    /** Drops the server's fields from a new object's (or an apply configuration's) metadata. */
    static void clear(ObjectNode metadata) {
        metadata.remove(FIELDS);
    }

    /**
     * Gives an updated object the stored object's server fields (the writer may not change them; {@code
     * resourceVersion} and {@code generation} are then set by the commit) and the name and namespace of its URL.
     */
    static void keep(ObjectRef ref, ObjectNode live, ObjectNode desired) {
        ObjectNode from = Json.metadata(live);
        ObjectNode to = Json.metadata(desired);
        for (String field : FIELDS) {
            Json.setOrRemove(to, field, from.get(field));
        }
        to.put("name", ref.name());
        if (ref.namespace().isEmpty()) {
            to.remove("namespace");
        } else {
            to.put("namespace", ref.namespace());
        }
    }
}
