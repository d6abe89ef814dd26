package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Controller owner references, as the simulated controllers set and follow them. */
final class Owners {

    private Owners() {
    }

    /** The name of the object's controlling owner of that kind. */
    static Optional<String> controller(JsonNode object, String kind) {
        if (object == null) {
            return Optional.empty();
        }
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false) && owner.path("kind").asText().equals(kind)) {
                return Optional.of(owner.path("name").asText());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code owner} (by uid) controls the object. */
    static boolean controls(JsonNode owner, JsonNode object) {
        String uid = Json.meta(owner, "uid");
        for (JsonNode reference : object.path("metadata").path("ownerReferences")) {
            if (reference.path("controller").asBoolean(false) && reference.path("uid").asText().equals(uid)) {
                return true;
            }
        }
        return false;
    }

    /** A reference making {@code owner} the controller of a dependent (with blockOwnerDeletion, as controllers set it). */
    static ObjectNode reference(JsonNode owner) {
        return Json.object().put("apiVersion", owner.path("apiVersion").asText()).put("kind", owner.path("kind").asText())
                .put("name", Json.meta(owner, "name")).put("uid", Json.meta(owner, "uid")).put("controller", true)
                .put("blockOwnerDeletion", true);
    }

    static boolean isTerminating(JsonNode object) {
        return object.path("metadata").has("deletionTimestamp");
    }
}
