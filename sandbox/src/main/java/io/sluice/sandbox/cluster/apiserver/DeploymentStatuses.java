package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Deployment's status as the deployment controller computes it ({@code calculateStatus} and
 * {@code syncRolloutStatus} in Kubernetes v1.28): replica counts from its ReplicaSets, {@code Available} by the
 * unavailability budget, and {@code Progressing} - progress seen, rollout complete, or the progress deadline passed.
 */
final class DeploymentStatuses {

    private DeploymentStatuses() {
    }

    static ObjectNode of(ObjectNode deployment, ObjectNode previous, List<ObjectNode> owned,
            ObjectNode newReplicaSet) {
        JsonNode spec = deployment.path("spec");
        int desired = spec.path("replicas").asInt(1);
        int total = owned.stream().mapToInt(RolloutNumbers::replicas).sum();
        int actual = owned.stream().mapToInt(rs -> rs.path("status").path("replicas").asInt(0)).sum();
        int ready = owned.stream().mapToInt(rs -> rs.path("status").path("readyReplicas").asInt(0)).sum();
        int available = owned.stream().mapToInt(RolloutNumbers::available).sum();
        int updated = newReplicaSet == null ? 0 : newReplicaSet.path("status").path("replicas").asInt(0);
        ObjectNode status = Json.object().put("observedGeneration", Json.generation(deployment));
        putIfPositive(status, "replicas", actual);
        putIfPositive(status, "updatedReplicas", updated);
        putIfPositive(status, "readyReplicas", ready);
        putIfPositive(status, "availableReplicas", available);
        putIfPositive(status, "unavailableReplicas", Math.max(0, total - available));
        if (previous.has("conditions")) {
            status.set("conditions", previous.get("conditions").deepCopy());
        }
        if (available >= desired - RolloutNumbers.maxUnavailable(spec)) {
            Conditions.set(status, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.");
        } else {
            Conditions.set(status, "Available", "False", "MinimumReplicasUnavailable",
                    "Deployment does not have minimum availability.");
        }
        progressing(deployment, previous, status, newReplicaSet, desired, actual, updated, available);
        return status;
    }

    private static void progressing(ObjectNode deployment, ObjectNode previous, ObjectNode status, ObjectNode newReplicaSet,
            int desired, int actual, int updated, int available) {
        JsonNode spec = deployment.path("spec");
        if (!RolloutNumbers.hasDeadline(spec)) {
            Conditions.remove(status, "Progressing");
            return;
        }
        Optional<JsonNode> current = Conditions.find(status, "Progressing");
        boolean completed = actual == updated && current.isPresent()
                && current.get().path("reason").asText().equals("NewReplicaSetAvailable");
        if (completed) {
            return;
        }
        String replicaSet = newReplicaSet == null ? "Deployment " + GoSyntax.quote(Json.meta(deployment, "name"))
                : "ReplicaSet " + GoSyntax.quote(Json.meta(newReplicaSet, "name"));
        if (updated == desired && actual == desired && available == desired) {
            Conditions.set(status, "Progressing", "True", "NewReplicaSetAvailable", replicaSet + " has successfully progressed.");
        } else if (updated > previous.path("updatedReplicas").asInt(0)
                || actual - updated < previous.path("replicas").asInt(0) - previous.path("updatedReplicas").asInt(0)
                || status.path("readyReplicas").asInt(0) > previous.path("readyReplicas").asInt(0)
                || available > previous.path("availableReplicas").asInt(0)) {
            Conditions.refresh(status, "Progressing", "True", "ReplicaSetUpdated", replicaSet + " is progressing.");
        } else if (current.isPresent() && timedOut(current.get(), spec)) {
            Conditions.set(status, "Progressing", "False", "ProgressDeadlineExceeded", replicaSet
                    + " has timed out progressing.");
        }
    }

    private static boolean timedOut(JsonNode condition, JsonNode spec) {
        if (condition.path("reason").asText().equals("ProgressDeadlineExceeded")) {
            return true;
        }
        String since = condition.path("lastUpdateTime").asText("");
        return !since.isEmpty() && Instant.parse(since).plusSeconds(spec.path("progressDeadlineSeconds").asLong())
                .isBefore(Instant.now());
    }

    /** When the deadline of an unfinished rollout passes, the controller must look again to declare it. */
    static long recheckMillis(JsonNode spec, ObjectNode status) {
        Optional<JsonNode> progressing = Conditions.find(status, "Progressing");
        if (!RolloutNumbers.hasDeadline(spec) || progressing.isEmpty() || !progressing.get().path("status").asText().equals("True")
                || progressing.get().path("reason").asText().equals("NewReplicaSetAvailable")) {
            return 0;
        }
        Instant deadline = Instant.parse(progressing.get().path("lastUpdateTime").asText())
                .plusSeconds(spec.path("progressDeadlineSeconds").asLong());
        return Math.max(1, deadline.toEpochMilli() - System.currentTimeMillis() + 1000);
    }

    private static void putIfPositive(ObjectNode status, String field, int value) {
        if (value > 0) {
            status.put(field, value);
        }
    }
}
