package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The status of a CustomResourceDefinition as the API server and its CRD controllers write it: a new CRD has no
 * conditions and no accepted names yet, then the controllers accept its names and establish it (see
 * {@link #establish}); {@code storedVersions} gains every storage version; a CRD being deleted gets a Terminating
 * condition.
 */
final class CrdStatus {

    private CrdStatus() {
    }

    /** The status a new CRD is created with: nothing accepted, nothing established, its storage version stored. */
    static void initial(ObjectNode crd) {
        ObjectNode status = crd.putObject("status");
        status.putNull("conditions");
        status.putObject("acceptedNames").put("plural", "").put("kind", "");
        addStoredVersions(status.putArray("storedVersions"), crd);
    }

    /** After an update of the CRD: the status kept from the stored one, with any new storage version added. */
    static void updated(ObjectNode crd, JsonNode live) {
        ObjectNode status = live.path("status") instanceof ObjectNode kept ? kept.deepCopy() : Json.object();
        ArrayNode stored = status.get("storedVersions") instanceof ArrayNode existing ? existing
                : status.putArray("storedVersions");
        addStoredVersions(stored, crd);
        if (isEstablished(live)) {
            status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
        }
        crd.set("status", status);
    }

    /**
     * What the naming and establishing controllers write a moment after a CRD is created: its names accepted
     * ({@code NamesAccepted}), its kind served ({@code Established}).
     *
     * @return false when it already was
     */
    static boolean establish(ObjectNode crd) {
        if (isEstablished(crd)) {
            return false;
        }
        ObjectNode status = crd.get("status") instanceof ObjectNode existing ? existing : crd.putObject("status");
        ArrayNode conditions = status.putArray("conditions");
        condition(conditions, "NamesAccepted", "True", "NoConflicts", "no conflicts found");
        condition(conditions, "Established", "True", "InitialNamesAccepted", "the initial names have been accepted");
        status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
        return true;
    }

    /** A CRD being deleted: condition Terminating, its custom resources to be deleted before it goes. */
    static void terminating(ObjectNode crd) {
        ObjectNode status = crd.get("status") instanceof ObjectNode existing ? existing : crd.putObject("status");
        ArrayNode conditions = status.get("conditions") instanceof ArrayNode existing ? existing : status.putArray("conditions");
        condition(conditions, "Terminating", "True", "InstanceDeletionPending",
                "CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon");
    }

    static boolean isEstablished(JsonNode crd) {
        for (JsonNode condition : crd.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Established")) {
                return condition.path("status").asText().equals("True");
            }
        }
        return false;
    }

    private static void addStoredVersions(ArrayNode stored, JsonNode crd) {
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
    }

    private static void condition(ArrayNode conditions, String type, String status, String reason, String message) {
        conditions.addObject().put("type", type).put("status", status).put("lastTransitionTime", Json.now())
                .put("reason", reason).put("message", message);
    }
}
