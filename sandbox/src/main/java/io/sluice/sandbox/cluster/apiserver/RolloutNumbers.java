package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The numbers the deployment controller works with, read from a Deployment's spec and its ReplicaSets as the real
 * controller reads them: surge and unavailability budgets resolved from counts or percentages (Kubernetes'
 * {@code ResolveFenceposts}), replica and availability counts, revisions.
 */
final class RolloutNumbers {

    private RolloutNumbers() {
    }

    static boolean recreate(JsonNode spec) {
        return spec.path("strategy").path("type").asText().equals("Recreate");
    }

    static boolean hasDeadline(JsonNode spec) {
        return spec.has("progressDeadlineSeconds") && spec.path("progressDeadlineSeconds").asLong() != Integer.MAX_VALUE;
    }

    static int maxSurge(JsonNode spec) {
        return recreate(spec) ? 0 : fenceposts(spec)[0];
    }

    static int maxUnavailable(JsonNode spec) {
        int desired = spec.path("replicas").asInt(1);
        if (recreate(spec) || desired == 0) {
            return 0;
        }
        return Math.min(fenceposts(spec)[1], desired);
    }

    /** Kubernetes' {@code ResolveFenceposts}: surge rounds up, unavailable down; both zero makes unavailable 1. */
    private static int[] fenceposts(JsonNode spec) {
        int desired = spec.path("replicas").asInt(1);
        JsonNode rolling = spec.path("strategy").path("rollingUpdate");
        int surge = scaled(rolling.get("maxSurge"), desired, true);
        int unavailable = scaled(rolling.get("maxUnavailable"), desired, false);
        return new int[] {surge, surge == 0 && unavailable == 0 ? 1 : unavailable};
    }

    private static int scaled(JsonNode value, int total, boolean roundUp) {
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return value.asInt();
        }
        String text = value.asText().replace("%", "");
        double scaled = Integer.parseInt(text.isEmpty() ? "0" : text) * total / 100.0;
        return (int) (roundUp ? Math.ceil(scaled) : Math.floor(scaled));
    }

    static int replicas(JsonNode replicaSet) {
        return replicaSet.path("spec").path("replicas").asInt(0);
    }

    static int available(JsonNode replicaSet) {
        return replicaSet.path("status").path("availableReplicas").asInt(0);
    }

    static int activePods(List<ObjectNode> replicaSets) {
        return replicaSets.stream().mapToInt(rs -> Math.max(replicas(rs), rs.path("status").path("replicas").asInt(0))).sum();
    }

    static long revision(JsonNode replicaSet) {
        return replicaSet.path("metadata").path("annotations").path(DeploymentController.REVISION).asLong(0);
    }
}
