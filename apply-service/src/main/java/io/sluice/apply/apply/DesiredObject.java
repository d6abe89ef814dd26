package io.sluice.apply.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One object as Sluice applies it: its tree, with owner labels and digest annotation, and the request body
 * written from that tree the first time it is needed (the dry run), then reused for the write and by later
 * runs of the same rendering. Unchanged objects never need a body.
 */
final class DesiredObject {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectRef ref;
    private final ObjectNode tree;
    /** Written once; a race between two applies of one rendering writes the same text twice, harmlessly. */
    private volatile String body;

    DesiredObject(ObjectRef ref, ObjectNode tree) {
        this.ref = ref;
        this.tree = tree;
    }

    ObjectRef ref() {
        return ref;
    }

    /** The tree to apply; read only, never changed after preparing. */
    ObjectNode tree() {
        return tree;
    }

    /** The request body: the tree as JSON. */
    String body() {
        String written = body;
        if (written == null) {
            try {
                written = JSON.writeValueAsString(tree);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the JSON tree of " + ref, e);
            }
            body = written;
        }
        return written;
    }
}
