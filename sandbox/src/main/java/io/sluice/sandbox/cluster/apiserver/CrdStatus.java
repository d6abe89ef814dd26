package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the API server's CRD controllers write into a CustomResourceDefinition's status at once: names
 * accepted, Established, stored versions. Code that waits for a CRD to be established (as Flux does before
 * applying custom resources) sees it established immediately.
 */
final class CrdStatus {

    private CrdStatus() {
    }

    static void accept(ObjectNode crd, JsonNode live) {
        ObjectNode status = Json.object();
        ArrayNode conditions = status.putArray("conditions");
        condition(conditions, live, "NamesAccepted", "NoConflicts", "no conflicts found");
        condition(conditions, live, "Established", "InitialNamesAccepted", "the initial names have been accepted");
        status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
        ArrayNode stored = status.putArray("storedVersions");
        if (live != null) {
            live.path("status").path("storedVersions").forEach(v -> stored.add(v.asText()));
        }
        for (JsonNode version : crd.path("spec").path("versions")) {
            String name = version.path("name").asText();
            boolean known = false;
            for (JsonNode v : stored) {
                known |= v.asText().equals(name);
            }
            if (version.path("storage").asBoolean(false) && !known) {
                stored.add(name);
            }
        }
        crd.set("status", status);
    }

    private static void condition(ArrayNode conditions, JsonNode live, String type, String reason, String message) {
        String since = null;
        if (live != null) {
            for (JsonNode existing : live.path("status").path("conditions")) {
                if (existing.path("type").asText().equals(type)) {
                    since = existing.path("lastTransitionTime").asText(null);
                }
            }
        }
        conditions.addObject().put("type", type).put("status", "True")
                .put("lastTransitionTime", since == null ? Json.now() : since).put("reason", reason)
                .put("message", message);
    }
}
