package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The health of one object from its live state, in the spirit of kstatus (what Flux's
 * {@code spec.wait} and {@code spec.healthChecks} use). Pure: it reads the object and nothing else.
 *
 * <ul>
 *   <li>Any object: being deleted, or {@code status.observedGeneration} behind {@code metadata.generation}: in progress.
 *       A {@code Stalled=True} condition: failed.</li>
 *   <li>Deployment: observedGeneration ≥ generation, updatedReplicas = replicas, availableReplicas = replicas,
 *       and no {@code Available=False}; {@code Progressing=False} with reason ProgressDeadlineExceeded: failed.</li>
 *   <li>StatefulSet: readyReplicas and updatedReplicas = replicas, and (rolling update) currentRevision = updateRevision.</li>
 *   <li>DaemonSet: updatedNumberScheduled and numberAvailable = desiredNumberScheduled.</li>
 *   <li>Job: {@code Complete=True}: healthy; {@code Failed=True}: failed at once.</li>
 *   <li>PersistentVolumeClaim: phase Bound.</li>
 *   <li>Anything with a {@code Ready} condition: True healthy, False unhealthy with its message (kept waiting:
 *       Ready=False is how most controllers say "not yet").</li>
 *   <li>Anything else (ConfigMaps, Services, ...): healthy once it exists.</li>
 * </ul>
 */
public final class HealthCheck {

    /** How an object stands. FAILED ends a wait at once; IN_PROGRESS keeps waiting until the timeout. */
    public enum Status { HEALTHY, IN_PROGRESS, FAILED }

    /** One object's health; {@link #message()} names the object: {@code Deployment apps/podinfo: 0/2 replicas available}. */
    public record Result(ObjectRef object, Status status, String message) {
        public boolean healthy() {
            return status == Status.HEALTHY;
        }
    }

    private HealthCheck() {
    }

    /** The health of an object that does not exist (yet, or any more). */
    public static Result missing(ObjectRef ref) {
        return new Result(ref, Status.IN_PROGRESS, label(ref) + ": not found");
    }

    public static Result evaluate(HasMetadata live) {
        ObjectRef ref = ObjectRef.of(live);
        JsonNode object = Manifests.tree(live);
        JsonNode status = object.path("status");
        if (live.getMetadata().getDeletionTimestamp() != null) {
            return progress(ref, "being deleted");
        }
        JsonNode stalled = condition(status, "Stalled");
        if ("True".equals(stalled.path("status").asText())) {
            return failed(ref, "stalled: " + conditionText(stalled));
        }
        long generation = live.getMetadata().getGeneration() == null ? 0 : live.getMetadata().getGeneration();
        if (status.has("observedGeneration") && status.path("observedGeneration").asLong() < generation) {
            return progress(ref, "waiting for the controller to observe generation " + generation
                    + " (observed " + status.path("observedGeneration").asLong() + ")");
        }
        return switch (ref.group() + "/" + ref.kind()) {
            case "apps/Deployment" -> deployment(ref, object, status);
            case "apps/StatefulSet" -> statefulSet(ref, object, status);
            case "apps/DaemonSet" -> daemonSet(ref, status);
            case "batch/Job" -> job(ref, status);
            case "/PersistentVolumeClaim" -> persistentVolumeClaim(ref, status);
            default -> readyCondition(ref, status);
        };
    }

    private static Result deployment(ObjectRef ref, JsonNode object, JsonNode status) {
        if (!status.has("observedGeneration")) {
            return progress(ref, "waiting for the deployment controller (no status yet)");
        }
        JsonNode progressing = condition(status, "Progressing");
        if ("False".equals(progressing.path("status").asText()) && "ProgressDeadlineExceeded".equals(progressing.path("reason").asText())) {
            return failed(ref, "progress deadline exceeded: " + progressing.path("message").asText());
        }
        int replicas = object.path("spec").path("replicas").asInt(1);
        int updated = status.path("updatedReplicas").asInt(0);
        int available = status.path("availableReplicas").asInt(0);
        if (updated < replicas) {
            return progress(ref, updated + "/" + replicas + " replicas updated");
        }
        if (available < replicas) {
            return progress(ref, available + "/" + replicas + " replicas available");
        }
        if (status.path("replicas").asInt(0) > replicas) {
            return progress(ref, (status.path("replicas").asInt() - replicas) + " old replicas pending termination");
        }
        JsonNode availableCondition = condition(status, "Available");
        if ("False".equals(availableCondition.path("status").asText())) {
            return progress(ref, "not available: " + conditionText(availableCondition));
        }
        return healthy(ref, replicas + "/" + replicas + " replicas available");
    }

    private static Result statefulSet(ObjectRef ref, JsonNode object, JsonNode status) {
        if (!status.has("observedGeneration")) {
            return progress(ref, "waiting for the statefulset controller (no status yet)");
        }
        int replicas = object.path("spec").path("replicas").asInt(1);
        int ready = status.path("readyReplicas").asInt(0);
        int updated = status.path("updatedReplicas").asInt(0);
        boolean rolling = !"OnDelete".equals(object.path("spec").path("updateStrategy").path("type").asText());
        if (ready < replicas) {
            return progress(ref, ready + "/" + replicas + " replicas ready");
        }
        if (rolling && updated < replicas) {
            return progress(ref, updated + "/" + replicas + " replicas updated");
        }
        if (rolling && !status.path("currentRevision").asText().equals(status.path("updateRevision").asText(status.path("currentRevision").asText()))) {
            return progress(ref, "rolling out revision " + status.path("updateRevision").asText());
        }
        return healthy(ref, replicas + "/" + replicas + " replicas ready");
    }

    private static Result daemonSet(ObjectRef ref, JsonNode status) {
        if (!status.has("observedGeneration")) {
            return progress(ref, "waiting for the daemonset controller (no status yet)");
        }
        int desired = status.path("desiredNumberScheduled").asInt(0);
        int updated = status.path("updatedNumberScheduled").asInt(0);
        int available = status.path("numberAvailable").asInt(0);
        if (updated < desired) {
            return progress(ref, updated + "/" + desired + " pods updated");
        }
        if (available < desired) {
            return progress(ref, available + "/" + desired + " pods available");
        }
        return healthy(ref, available + "/" + desired + " pods available");
    }

    private static Result job(ObjectRef ref, JsonNode status) {
        JsonNode failed = condition(status, "Failed");
        if ("True".equals(failed.path("status").asText())) {
            return failed(ref, "job failed: " + conditionText(failed));
        }
        if ("True".equals(condition(status, "Complete").path("status").asText())) {
            return healthy(ref, "job complete");
        }
        return progress(ref, "job not complete (" + status.path("succeeded").asInt(0) + " succeeded, "
                + status.path("active").asInt(0) + " active)");
    }

    private static Result persistentVolumeClaim(ObjectRef ref, JsonNode status) {
        String phase = status.path("phase").asText("");
        return "Bound".equals(phase) ? healthy(ref, "bound")
                : progress(ref, "not bound (phase " + (phase.isEmpty() ? "unknown" : phase) + ")");
    }

    private static Result readyCondition(ObjectRef ref, JsonNode status) {
        JsonNode ready = condition(status, "Ready");
        if (ready.isMissingNode()) {
            return healthy(ref, "exists");
        }
        return "True".equals(ready.path("status").asText()) ? healthy(ref, "ready")
                : progress(ref, "not ready: " + conditionText(ready));
    }

    private static JsonNode condition(JsonNode status, String type) {
        for (JsonNode condition : status.path("conditions")) {
            if (type.equals(condition.path("type").asText())) {
                return condition;
            }
        }
        return MissingNode.getInstance();
    }

    private static String conditionText(JsonNode condition) {
        String reason = condition.path("reason").asText("");
        String message = condition.path("message").asText("");
        if (reason.isEmpty()) {
            return message.isEmpty() ? condition.path("type").asText() + "=" + condition.path("status").asText() : message;
        }
        return message.isEmpty() ? reason : reason + ": " + message;
    }

    /** {@code Deployment apps/podinfo}, {@code Namespace apps}. */
    static String label(ObjectRef ref) {
        return ref.kind() + " " + (ref.namespace().isEmpty() ? ref.name() : ref.namespace() + "/" + ref.name());
    }

    private static Result healthy(ObjectRef ref, String message) {
        return new Result(ref, Status.HEALTHY, label(ref) + ": " + message);
    }

    private static Result progress(ObjectRef ref, String message) {
        return new Result(ref, Status.IN_PROGRESS, label(ref) + ": " + message);
    }

    private static Result failed(ObjectRef ref, String message) {
        return new Result(ref, Status.FAILED, label(ref) + ": " + message);
    }
}
