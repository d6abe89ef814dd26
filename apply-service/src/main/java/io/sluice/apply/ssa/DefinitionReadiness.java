package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * When the objects of the definitions stage can be used by the stages after it.
 *
 * <ul>
 *   <li>A CustomResourceDefinition: its {@code Established} condition is True. A CRD whose status has
 *       no conditions at all is also accepted when API discovery already serves its kind: a server
 *       that writes no CRD status (some test servers) serves the kind at once, and a real API server
 *       lists a kind in discovery only once it is established, so the check holds on both.</li>
 *   <li>A Namespace: it exists and is not terminating (objects cannot be created in a terminating one).</li>
 *   <li>A ClusterRole: it exists.</li>
 * </ul>
 */
final class DefinitionReadiness {

    private DefinitionReadiness() {
    }

    /** Null when ready, otherwise why not (for the timeout message). */
    static String notReadyReason(KubernetesClient client, GenericKubernetesResource live) {
        if (live == null) {
            return "not found after apply";
        }
        JsonNode tree = Manifests.tree(live);
        switch (live.getKind()) {
            case "Namespace" -> {
                if (live.getMetadata().getDeletionTimestamp() != null || "Terminating".equals(tree.path("status").path("phase").asText())) {
                    return "namespace is terminating; wait until it is gone and reconcile again";
                }
                return null;
            }
            case "CustomResourceDefinition" -> {
                JsonNode conditions = tree.path("status").path("conditions");
                if (conditions.isArray() && !conditions.isEmpty()) {
                    for (JsonNode condition : conditions) {
                        if ("Established".equals(condition.path("type").asText())) {
                            return "True".equals(condition.path("status").asText()) ? null
                                    : "not established: " + condition.path("reason").asText() + " " + condition.path("message").asText();
                        }
                    }
                    return "no Established condition yet";
                }
                return servedByDiscovery(client, tree.path("spec")) ? null : "not established yet (no status, kind not served)";
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean servedByDiscovery(KubernetesClient client, JsonNode spec) {
        String group = spec.path("group").asText();
        String kind = spec.path("names").path("kind").asText();
        for (JsonNode version : spec.path("versions")) {
            if (!version.path("served").asBoolean(true)) {
                continue;
            }
            try {
                APIResourceList resources = client.getApiResources(group + "/" + version.path("name").asText());
                if (resources != null && resources.getResources().stream().anyMatch(r -> kind.equals(r.getKind()))) {
                    return true;
                }
            } catch (KubernetesClientException e) {
                // 404 while the group is not served yet: not established
            }
        }
        return false;
    }
}
