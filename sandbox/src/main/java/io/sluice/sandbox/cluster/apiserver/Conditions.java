package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Status conditions as the workload controllers keep them: setting a condition whose status and reason did not
 * change does nothing; otherwise it moves to the end of the list, keeping its {@code lastTransitionTime} while its
 * status stays the same.
 */
final class Conditions {

    private Conditions() {
    }

    static Optional<JsonNode> find(JsonNode status, String type) {
        for (JsonNode condition : status.path("conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    /** Kubernetes' {@code SetDeploymentCondition}. */
    static void set(ObjectNode status, String type, String value, String reason, String message) {
        Optional<JsonNode> current = find(status, type);
        if (current.isPresent() && current.get().path("status").asText().equals(value)
                && current.get().path("reason").asText().equals(reason)) {
            return;
        }
        put(status, type, value, reason, message, current);
    }

    /** Progressing with the same reason: a new {@code lastUpdateTime} each time progress is seen. */
    static void refresh(ObjectNode status, String type, String value, String reason, String message) {
        put(status, type, value, reason, message, find(status, type));
    }

    static void remove(ObjectNode status, String type) {
        if (status.get("conditions") instanceof ArrayNode list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (list.get(i).path("type").asText().equals(type)) {
                    list.remove(i);
                }
            }
            if (list.isEmpty()) {
                status.remove("conditions");
            }
        }
    }

    private static void put(ObjectNode status, String type, String value, String reason, String message,
            Optional<JsonNode> current) {
        String now = Json.now();
        String since = current.isPresent() && current.get().path("status").asText().equals(value)
                ? current.get().path("lastTransitionTime").asText(now) : now;
        remove(status, type);
        ArrayNode list = status.get("conditions") instanceof ArrayNode existing ? existing : status.putArray("conditions");
        list.addObject().put("type", type).put("status", value).put("lastUpdateTime", now).put("lastTransitionTime", since)
                .put("reason", reason).put("message", message);
    }
}
