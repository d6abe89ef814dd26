package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Pods created directly: the pod spec's defaults plus what the recorded cluster's admission adds (priority,
 * preemption policy, the not-ready/unreachable tolerations of 300 s), status {@code Pending} with its QoS class (no
 * scheduler or kubelet moves it on), and pod spec validation.
 */
final class PodRules implements KindRules {

    private static final String[] TAINTS = {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"};

    @Override
    public void defaults(ObjectNode object) {
        PodSpecDefaults.applyToPod(object);
    }

    @Override
    public void prepareCreate(ObjectNode object) {
        ObjectNode spec = Defaults.object(object, "spec");
        if (!spec.has("priorityClassName")) {
            Defaults.putIfAbsent(spec, "priority", 0);
        }
        Defaults.putIfAbsent(spec, "preemptionPolicy", "PreemptLowerPriority");
        ArrayNode tolerations = spec.get("tolerations") instanceof ArrayNode list ? list : spec.putArray("tolerations");
        for (String taint : TAINTS) {
            boolean present = false;
            for (JsonNode toleration : tolerations) {
                present |= toleration.path("key").asText().equals(taint)
                        && toleration.path("effect").asText().equals("NoExecute");
            }
            if (!present) {
                tolerations.addObject().put("key", taint).put("operator", "Exists").put("effect", "NoExecute")
                        .put("tolerationSeconds", 300);
            }
        }
        ObjectNode status = Json.object().put("phase", "Pending").put("qosClass", qosClass(spec));
        object.set("status", status);
    }

    /** Guaranteed when every container's requests equal its limits for CPU and memory, BestEffort with none at all. */
    private static String qosClass(JsonNode spec) {
        boolean any = false;
        boolean guaranteed = true;
        for (JsonNode container : spec.path("containers")) {
            JsonNode resources = container.path("resources");
            any |= !resources.path("requests").isEmpty() || !resources.path("limits").isEmpty();
            for (String resource : new String[] {"cpu", "memory"}) {
                JsonNode limit = resources.path("limits").get(resource);
                JsonNode request = resources.path("requests").get(resource);
                guaranteed &= limit != null && (request == null || request.equals(limit));
            }
        }
        return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }

    @Override
    public void validate(ObjectNode object, FieldErrors errors) {
        PodSpecValidation.validate(object.path("spec"), "spec", errors);
    }
}
