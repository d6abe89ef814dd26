package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What keeping a built-in object as its Go value does to its JSON: a real server decodes the request into the
 * Go type and writes that type back, so what it answers and stores is not the request's JSON but:
 * <ul>
 *   <li>no {@code null}s, and no empty maps or lists (Go's {@code omitempty}): {@code data: {}} is gone, an empty
 *       {@code env: []} too; so are empty strings and the zero values of the plain (non-pointer) numbers and
 *       booleans listed in {@link #ZERO_DROPPED} ({@code hostNetwork: false});</li>
 *   <li>fields that are Go structs (not pointers) always there: a container's {@code resources: {}}, a
 *       Deployment's {@code status: {}}, a pod template's {@code metadata.creationTimestamp: null}
 *       ({@link #ALWAYS_PRESENT}).</li>
 * </ul>
 * The facts per Go type are from the Kubernetes API types (v1.28); the kinds GitOps manifests carry are covered.
 */
final class GoRoundTrip {

    /** Non-pointer struct (or non-omitempty) fields of Go types, with the value their zero value is written as. */
    private static final Map<String, Map<String, JsonNode>> ALWAYS_PRESENT = alwaysPresent();

    /** Lists without {@code omitempty}: an empty one stays. */
    private static final Set<String> KEEP_EMPTY = Set.of("PodSpec.containers", "PolicyRule.verbs", "Role.rules",
            "ClusterRole.rules");

    /** Plain numbers and booleans with {@code omitempty}: a zero value is dropped. (Pointers keep their zero.) */
    private static final Set<String> ZERO_DROPPED = Set.of("PodSpec.hostNetwork", "PodSpec.hostPID", "PodSpec.hostIPC",
            "Container.stdin", "Container.stdinOnce", "Container.tty", "VolumeMount.readOnly",
            "DeploymentSpec.paused", "DeploymentSpec.minReadySeconds", "ReplicaSetSpec.minReadySeconds",
            "StatefulSetSpec.minReadySeconds", "DaemonSetSpec.minReadySeconds", "ServiceSpec.publishNotReadyAddresses",
            "ServiceSpec.healthCheckNodePort", "ServicePort.nodePort", "ContainerPort.hostPort",
            "Probe.initialDelaySeconds", "DeploymentStatus.observedGeneration", "DeploymentStatus.replicas",
            "DeploymentStatus.updatedReplicas", "DeploymentStatus.readyReplicas", "DeploymentStatus.availableReplicas",
            "DeploymentStatus.unavailableReplicas", "ReplicaSetStatus.fullyLabeledReplicas",
            "ReplicaSetStatus.readyReplicas", "ReplicaSetStatus.availableReplicas", "ReplicaSetStatus.observedGeneration");

    private GoRoundTrip() {
    }

    private static Map<String, Map<String, JsonNode>> alwaysPresent() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode struct = nodes.objectNode();
        JsonNode zero = nodes.numberNode(0);
        JsonNode nil = nodes.nullNode();
        return Map.ofEntries(
                Map.entry("ObjectMeta", Map.of("creationTimestamp", nil)),
                Map.entry("Deployment", Map.of("spec", struct, "status", struct)),
                Map.entry("DeploymentSpec", Map.of("template", struct, "strategy", struct)),
                Map.entry("ReplicaSet", Map.of("spec", struct, "status", struct)),
                Map.entry("ReplicaSetSpec", Map.of("template", struct)),
                Map.entry("ReplicaSetStatus", Map.of("replicas", zero)),
                Map.entry("StatefulSet", Map.of("spec", struct, "status", struct)),
                Map.entry("StatefulSetSpec", Map.of("template", struct, "updateStrategy", struct)),
                Map.entry("StatefulSetStatus", Map.of("replicas", zero, "availableReplicas", zero)),
                Map.entry("DaemonSet", Map.of("spec", struct, "status", struct)),
                Map.entry("DaemonSetSpec", Map.of("template", struct, "updateStrategy", struct)),
                Map.entry("DaemonSetStatus", Map.of("currentNumberScheduled", zero, "numberMisscheduled", zero,
                        "desiredNumberScheduled", zero, "numberReady", zero)),
                Map.entry("Job", Map.of("spec", struct, "status", struct)),
                Map.entry("JobSpec", Map.of("template", struct)),
                Map.entry("CronJob", Map.of("spec", struct, "status", struct)),
                Map.entry("CronJobSpec", Map.of("jobTemplate", struct)),
                Map.entry("JobTemplateSpec", Map.of("metadata", struct, "spec", struct)),
                Map.entry("PodTemplateSpec", Map.of("metadata", struct, "spec", struct)),
                Map.entry("Pod", Map.of("spec", struct, "status", struct)),
                Map.entry("PodSpec", Map.of("containers", nil)),
                Map.entry("Container", Map.of("resources", struct)),
                Map.entry("EphemeralContainer", Map.of("resources", struct)),
                Map.entry("Service", Map.of("spec", struct, "status", struct)),
                Map.entry("ServiceStatus", Map.of("loadBalancer", struct)),
                Map.entry("Namespace", Map.of("spec", struct, "status", struct)),
                Map.entry("PersistentVolumeClaim", Map.of("spec", struct, "status", struct)),
                Map.entry("PersistentVolumeClaimSpec", Map.of("resources", struct)),
                Map.entry("Ingress", Map.of("spec", struct, "status", struct)),
                Map.entry("IngressStatus", Map.of("loadBalancer", struct)),
                Map.entry("NetworkPolicy", Map.of("spec", struct)),
                Map.entry("NetworkPolicySpec", Map.of("podSelector", struct)),
                Map.entry("PodDisruptionBudget", Map.of("spec", struct, "status", struct)),
                Map.entry("PodDisruptionBudgetStatus", Map.of("disruptionsAllowed", zero, "currentHealthy", zero,
                        "desiredHealthy", zero, "expectedPods", zero)));
    }

    /** Rewrites a decoded object (unknown fields already dropped) as the Go type writes it back. */
    static void normalize(ObjectNode object, ValueType.Struct type) {
        struct(object, type);
    }

    private static void struct(ObjectNode object, ValueType.Struct type) {
        Map<String, ValueType> fields = type.fields();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            ValueType fieldType = fields.get(entry.getKey());
            if (value.isNull() || isDroppedEmpty(type, entry.getKey(), value, fieldType)) {
                it.remove();
            } else if (fieldType != null) {
                value(value, fieldType);
            }
        }
        Map<String, JsonNode> present = ALWAYS_PRESENT.get(type.goName());
        if (present != null) {
            present.forEach((field, zero) -> {
                if (!object.has(field)) {
                    JsonNode added = zero.deepCopy();
                    object.set(field, added);
                    if (added instanceof ObjectNode struct && fields.get(field) instanceof ValueType.Struct nested) {
                        struct(struct, nested); // its own always-present fields
                    }
                }
            });
        }
    }

    private static boolean isDroppedEmpty(ValueType.Struct owner, String field, JsonNode value, ValueType fieldType) {
        if (fieldType instanceof ValueType.MapOf) {
            return value.isObject() && value.isEmpty();
        }
        if (fieldType instanceof ValueType.ListOf) {
            return value.isArray() && value.isEmpty() && !KEEP_EMPTY.contains(owner.goName() + "." + field);
        }
        if (fieldType instanceof ValueType.Scalar) {
            if (value.isTextual()) {
                return value.asText().isEmpty();
            }
            boolean zero = value.isNumber() && value.asDouble() == 0 || value.isBoolean() && !value.asBoolean();
            return zero && ZERO_DROPPED.contains(owner.goName() + "." + field);
        }
        return false;
    }

    private static void value(JsonNode value, ValueType type) {
        if (type instanceof ValueType.Struct struct && value instanceof ObjectNode object) {
            struct(object, struct);
        } else if (type instanceof ValueType.MapOf map && value instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getValue().isNull()) {
                    it.remove();
                } else {
                    value(entry.getValue(), map.values());
                }
            }
        } else if (type instanceof ValueType.ListOf list && value instanceof ArrayNode array) {
            for (JsonNode item : array) {
                value(item, list.items());
            }
        }
    }
}
