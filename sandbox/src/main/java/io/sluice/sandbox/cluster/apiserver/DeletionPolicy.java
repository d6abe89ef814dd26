package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * {@code propagationPolicy} of a DELETE: what happens to the objects whose ownerReferences name the deleted one.
 * Orphan and Foreground work through a finalizer on the owner, as on a real server; Background needs none.
 */
enum DeletionPolicy {
    /** The owner goes at once; the garbage collector deletes the dependents after it (the default). */
    BACKGROUND("Background", Optional.empty()),
    /** The owner stays (finalizer {@code foregroundDeletion}) until its dependents with blockOwnerDeletion are gone. */
    FOREGROUND("Foreground", Optional.of("foregroundDeletion")),
    /** The dependents lose their reference to the owner and stay (finalizer {@code orphan} until they have). */
    ORPHAN("Orphan", Optional.of("orphan"));

    private final String wireName;
    private final Optional<String> finalizer;

    DeletionPolicy(String wireName, Optional<String> finalizer) {
        this.wireName = wireName;
        this.finalizer = finalizer;
    }

    /** The finalizer the server adds to the owner for this policy, if any. */
    Optional<String> finalizer() {
        return finalizer;
    }

    /**
     * The policy of a DELETE: the {@code propagationPolicy} query parameter, else DeleteOptions', else Background.
     * {@code orphanDependents} (deprecated) true means Orphan.
     *
     * @throws ApiException 422 for an unknown policy, worded as the real server words it
     */
    static DeletionPolicy of(ResourcePath path, JsonNode options) {
        Optional<String> given = path.param("propagationPolicy");
        if (given.isEmpty() && options.hasNonNull("propagationPolicy")) {
            given = Optional.of(options.get("propagationPolicy").asText());
        }
        if (given.isEmpty()) {
            boolean orphan = path.flag("orphanDependents") || options.path("orphanDependents").asBoolean(false);
            return orphan ? ORPHAN : BACKGROUND;
        }
        for (DeletionPolicy policy : values()) {
            if (policy.wireName.equals(given.get())) {
                return policy;
            }
        }
        String problem = "Unsupported value: \"" + given.get()
                + "\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"";
        throw ApiException.invalidOptions("DeleteOptions",
                new ApiException.Cause("FieldValueNotSupported", problem, "propagationPolicy"));
    }
}
