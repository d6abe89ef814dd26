package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ReplicaSet controller, simulated: keeps {@code spec.replicas} pods of the template (created Pending; no
 * scheduler places them), deletes the surplus, and writes the ReplicaSet's status: {@code replicas},
 * {@code fullyLabeledReplicas}, {@code observedGeneration}, and {@code readyReplicas}/{@code availableReplicas}
 * counted from pods whose {@code Ready} condition is True (for {@code minReadySeconds}), as a kubelet would set it.
 */
final class ReplicaSetController {

    private final ControllerClient client;

    ReplicaSetController(ControllerClient client) {
        this.client = client;
    }

    /** @return when to look again (ms; 0: only on the next change), for pods that become available later */
    long sync(String namespace, String name) {
        Optional<ObjectNode> found = client.get(path(namespace, name));
        if (found.isEmpty() || Owners.isTerminating(found.get())) {
            return 0;
        }
        ObjectNode replicaSet = found.get();
        List<ObjectNode> pods = new ArrayList<>();
        for (ObjectNode pod : client.list("/api/v1/namespaces/" + namespace + "/pods", null)) {
            if (Owners.controls(replicaSet, pod) && !Owners.isTerminating(pod)) {
                pods.add(pod);
            }
        }
        int wanted = replicaSet.path("spec").path("replicas").asInt(1);
        while (pods.size() < wanted) {
            Optional<ObjectNode> created = client.create("/api/v1/namespaces/" + namespace + "/pods", pod(replicaSet));
            if (created.isEmpty()) {
                break;
            }
            pods.add(created.get());
        }
        while (pods.size() > wanted) {
            ObjectNode surplus = pods.remove(pods.size() - 1);
            client.delete("/api/v1/namespaces/" + namespace + "/pods/" + Json.meta(surplus, "name"));
        }
        return writeStatus(replicaSet, pods);
    }

    private static ObjectNode pod(ObjectNode replicaSet) {
        JsonNode template = replicaSet.path("spec").path("template");
        ObjectNode pod = Json.object().put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata").put("generateName", Json.meta(replicaSet, "name") + "-");
        for (String field : new String[] {"labels", "annotations"}) {
            if (template.path("metadata").has(field)) {
                metadata.set(field, template.path("metadata").get(field).deepCopy());
            }
        }
        metadata.putArray("ownerReferences").add(Owners.reference(replicaSet));
        pod.set("spec", template.path("spec").deepCopy());
        return pod;
    }

    private long writeStatus(ObjectNode replicaSet, List<ObjectNode> pods) {
        int minReadySeconds = replicaSet.path("spec").path("minReadySeconds").asInt(0);
        Instant now = Instant.now();
        int ready = 0;
        int available = 0;
        long recheck = 0;
        for (ObjectNode pod : pods) {
            Optional<Instant> readySince = readySince(pod);
            if (readySince.isPresent()) {
                ready++;
                Instant availableAt = readySince.get().plusSeconds(minReadySeconds);
                if (!availableAt.isAfter(now)) {
                    available++;
                } else {
                    recheck = Math.max(recheck, availableAt.toEpochMilli() - now.toEpochMilli() + 1);
                }
            }
        }
        ObjectNode status = Json.object().put("replicas", pods.size()).put("fullyLabeledReplicas", pods.size());
        if (ready > 0) {
            status.put("readyReplicas", ready);
        }
        if (available > 0) {
            status.put("availableReplicas", available);
        }
        status.put("observedGeneration", Json.generation(replicaSet));
        if (!Json.same(status, replicaSet.get("status"))) {
            ObjectNode updated = replicaSet.deepCopy();
            updated.set("status", status);
            client.updateStatus(path(replicaSet.path("metadata").path("namespace").asText(), Json.meta(replicaSet, "name")),
                    updated);
        }
        return recheck;
    }

    /** When the pod's Ready condition became True; empty while it is not ready. */
    private static Optional<Instant> readySince(JsonNode pod) {
        for (JsonNode condition : pod.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Ready") && condition.path("status").asText().equals("True")) {
                String since = condition.path("lastTransitionTime").asText("");
                return Optional.of(since.isEmpty() ? Instant.EPOCH : Instant.parse(since));
            }
        }
        return Optional.empty();
    }

    static String path(String namespace, String name) {
        return "/apis/apps/v1/namespaces/" + namespace + "/replicasets/" + name;
    }
}
