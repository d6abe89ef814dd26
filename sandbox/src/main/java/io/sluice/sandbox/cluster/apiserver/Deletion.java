package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a DELETE did to an object: removed it at once, or left it terminating until its finalizers are gone. */
sealed interface Deletion {

    /** The object as the DELETE left it: its final state, or the terminating object still stored. */
    ObjectNode object();

    /** Removed from the store (a DELETE answers with a Status, or for some types with the object). */
    record Removed(ObjectNode object) implements Deletion {
    }

    /** Still stored with a {@code deletionTimestamp}: finalizers hold it (a DELETE answers with the object). */
    record Terminating(ObjectNode object) implements Deletion {
    }
}
