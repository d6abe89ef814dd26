package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Deployment controller, simulated after the real one (Kubernetes v1.28):
 * <ul>
 *   <li>a ReplicaSet per pod template ({@code <name>-<hash>}, label {@code pod-template-hash}, annotations
 *       {@code deployment.kubernetes.io/revision}, {@code desired-replicas}, {@code max-replicas}), owned by the
 *       Deployment;</li>
 *   <li>rollouts: {@code RollingUpdate} scales the new ReplicaSet up within {@code maxSurge} and old ones down only as
 *       far as {@code maxUnavailable} allows, counting available pods (so with no pod ever ready a rollout stays
 *       where availability stops it, as on a cluster without kubelets); {@code Recreate} scales the old ones to zero
 *       first; a change of {@code replicas} alone scales the newest ReplicaSet; old ReplicaSets beyond
 *       {@code revisionHistoryLimit} are deleted;</li>
 *   <li>status through {@code /status}: {@code observedGeneration}, replica counts from the ReplicaSets, conditions
 *       {@code Available} (MinimumReplicasAvailable/Unavailable) and {@code Progressing} (NewReplicaSetCreated,
 *       FoundNewReplicaSet, ReplicaSetUpdated, NewReplicaSetAvailable, and ProgressDeadlineExceeded once
 *       {@code progressDeadlineSeconds} pass without progress), with the revision annotation.</li>
 * </ul>
 * Not simulated: paused rollouts' conditions, proportional scaling of several active ReplicaSets (the newest takes
 * the whole change), hash collisions.
 */
final class DeploymentController {

    private static final String REVISION = "deployment.kubernetes.io/revision";
    private static final String DESIRED = "deployment.kubernetes.io/desired-replicas";
    private static final String MAX = "deployment.kubernetes.io/max-replicas";
    private static final String HASH_LABEL = "pod-template-hash";
    /** The characters Kubernetes encodes generated name suffixes and hashes with. */
    private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

    private final ControllerClient client;
    private final ReplicaSetController replicaSets;

    DeploymentController(ControllerClient client, ReplicaSetController replicaSets) {
        this.client = client;
        this.replicaSets = replicaSets;
    }

    /** @return when to look again (ms), for the progress deadline; 0 when only a change calls for it */
    long sync(String namespace, String name) {
        Optional<ObjectNode> found = client.get(path(namespace, name));
        if (found.isEmpty() || Owners.isTerminating(found.get())) {
            return 0;
        }
        ObjectNode deployment = found.get();
        JsonNode spec = deployment.path("spec");
        List<ObjectNode> owned = new ArrayList<>();
        for (ObjectNode replicaSet : client.list("/apis/apps/v1/namespaces/" + namespace + "/replicasets", null)) {
            if (Owners.controls(deployment, replicaSet) && !Owners.isTerminating(replicaSet)) {
                owned.add(replicaSet);
            }
        }
        owned.sort(Comparator.comparingLong(DeploymentController::revision));
        ObjectNode newReplicaSet = owned.stream().filter(rs -> sameTemplate(rs, spec.path("template"))).findFirst()
                .orElse(null);
        List<ObjectNode> old = new ArrayList<>(owned);
        old.remove(newReplicaSet);
        ObjectNode status = deployment.path("status").isObject() ? ((ObjectNode) deployment.get("status")).deepCopy()
                : Json.object();
        boolean paused = spec.path("paused").asBoolean(false);
        if (newReplicaSet == null && !paused) {
            long next = owned.isEmpty() ? 1 : revision(owned.get(owned.size() - 1)) + 1;
            int replicas = recreate(spec) && activePods(old) > 0 ? 0 : newReplicas(spec, owned, null);
            Optional<ObjectNode> created = client.create("/apis/apps/v1/namespaces/" + namespace + "/replicasets",
                    replicaSet(deployment, next, replicas));
            if (created.isEmpty()) {
                return 0;
            }
            newReplicaSet = created.get();
            owned.add(newReplicaSet);
            if (hasDeadline(spec)) {
                Conditions.set(status, "Progressing", "True", "NewReplicaSetCreated", "Created new replica set "
                        + GoSyntax.quote(Json.meta(newReplicaSet, "name")));
            }
        } else if (newReplicaSet != null && hasDeadline(spec) && Conditions.find(status, "Progressing").isEmpty()) {
            Conditions.set(status, "Progressing", "True", "FoundNewReplicaSet", "Found new replica set "
                    + GoSyntax.quote(Json.meta(newReplicaSet, "name")));
        }
        if (!paused && newReplicaSet != null) {
            rollOut(deployment, newReplicaSet, old);
            cleanUpHistory(spec, old);
        }
        // the ReplicaSet controller's part at once (it would follow within milliseconds), so the status written
        // next already counts the pods, as the real controllers' first visible status does
        List<ObjectNode> current = new ArrayList<>();
        for (ObjectNode replicaSet : owned) {
            String rsName = Json.meta(replicaSet, "name");
            replicaSets.sync(namespace, rsName);
            client.get(ReplicaSetController.path(namespace, rsName)).ifPresent(current::add);
        }
        owned = current;
        newReplicaSet = owned.stream().filter(rs -> sameTemplate(rs, spec.path("template"))).findFirst().orElse(null);
        ObjectNode newStatus = status(deployment, status, owned, newReplicaSet);
        writeStatus(deployment, newStatus, newReplicaSet);
        return deadlineRecheck(spec, newStatus);
    }

    // ---- rollout -------------------------------------------------------------------------------------

    private void rollOut(ObjectNode deployment, ObjectNode newReplicaSet, List<ObjectNode> old) {
        JsonNode spec = deployment.path("spec");
        int desired = spec.path("replicas").asInt(1);
        if (recreate(spec)) {
            old.forEach(rs -> scale(deployment, rs, 0));
            if (activePods(old) == 0) {
                scale(deployment, newReplicaSet, desired);
            }
            return;
        }
        List<ObjectNode> all = new ArrayList<>(old);
        all.add(newReplicaSet);
        int current = replicas(newReplicaSet);
        if (current > desired) {
            scale(deployment, newReplicaSet, desired);
        } else if (current < desired) {
            scale(deployment, newReplicaSet, newReplicas(spec, all, newReplicaSet));
        }
        scaleDownOld(deployment, newReplicaSet, old);
    }

    /** The new ReplicaSet's size under RollingUpdate: up to {@code maxSurge} above the desired count in total. */
    private static int newReplicas(JsonNode spec, List<ObjectNode> all, ObjectNode newReplicaSet) {
        int desired = spec.path("replicas").asInt(1);
        if (recreate(spec)) {
            return desired;
        }
        int current = all.stream().mapToInt(DeploymentController::replicas).sum();
        int maxTotal = desired + maxSurge(spec);
        int own = newReplicaSet == null ? 0 : replicas(newReplicaSet);
        if (current >= maxTotal) {
            return own;
        }
        return own + Math.min(maxTotal - current, desired - own);
    }

    /** Old ReplicaSets go down as far as availability allows: unhealthy pods first, then available ones. */
    private void scaleDownOld(ObjectNode deployment, ObjectNode newReplicaSet, List<ObjectNode> old) {
        JsonNode spec = deployment.path("spec");
        int oldPods = old.stream().mapToInt(DeploymentController::replicas).sum();
        if (oldPods == 0) {
            return;
        }
        int allPods = oldPods + replicas(newReplicaSet);
        int minAvailable = spec.path("replicas").asInt(1) - maxUnavailable(spec);
        int newUnavailable = replicas(newReplicaSet) - available(newReplicaSet);
        int maxScaledDown = allPods - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return;
        }
        int cleaned = 0;
        for (ObjectNode rs : old) {
            int unhealthy = replicas(rs) - available(rs);
            int down = Math.min(maxScaledDown - cleaned, unhealthy);
            if (down > 0) {
                scale(deployment, rs, replicas(rs) - down);
                cleaned += down;
            }
        }
        int availablePods = old.stream().mapToInt(DeploymentController::available).sum() + available(newReplicaSet);
        int toScaleDown = Math.min(availablePods - minAvailable, maxScaledDown - cleaned);
        for (ObjectNode rs : old) {
            int down = Math.min(replicas(rs), toScaleDown);
            if (down > 0) {
                scale(deployment, rs, replicas(rs) - down);
                toScaleDown -= down;
            }
        }
    }

    /** Sets a ReplicaSet's size (and its desired/max annotations), in the local copy too. */
    private void scale(ObjectNode deployment, ObjectNode replicaSet, int replicas) {
        JsonNode spec = deployment.path("spec");
        ObjectNode annotations = Defaults.object(Json.metadata(replicaSet), "annotations");
        String desired = String.valueOf(spec.path("replicas").asInt(1));
        String max = String.valueOf(spec.path("replicas").asInt(1) + maxSurge(spec));
        if (replicas(replicaSet) == replicas && desired.equals(annotations.path(DESIRED).asText())
                && max.equals(annotations.path(MAX).asText())) {
            return;
        }
        annotations.put(DESIRED, desired).put(MAX, max);
        ((ObjectNode) replicaSet.get("spec")).put("replicas", replicas);
        client.update(ReplicaSetController.path(deployment.path("metadata").path("namespace").asText(),
                Json.meta(replicaSet, "name")), replicaSet).ifPresent(updated -> replicaSet.set("metadata",
                        updated.get("metadata")));
    }

    private void cleanUpHistory(JsonNode spec, List<ObjectNode> old) {
        int limit = spec.path("revisionHistoryLimit").asInt(10);
        List<ObjectNode> idle = old.stream().filter(rs -> replicas(rs) == 0 && rs.path("status").path("replicas").asInt(0) == 0)
                .toList();
        for (int i = 0; i < idle.size() - limit; i++) {
            ObjectNode rs = idle.get(i);
            client.delete(ReplicaSetController.path(rs.path("metadata").path("namespace").asText(), Json.meta(rs, "name")));
        }
    }

    private static ObjectNode replicaSet(ObjectNode deployment, long revision, int replicas) {
        JsonNode spec = deployment.path("spec");
        ObjectNode template = spec.path("template").deepCopy();
        String hash = templateHash(template);
        ObjectNode labels = Defaults.object(Defaults.object(template, "metadata"), "labels");
        labels.put(HASH_LABEL, hash);
        ObjectNode replicaSet = Json.object().put("apiVersion", "apps/v1").put("kind", "ReplicaSet");
        ObjectNode metadata = replicaSet.putObject("metadata").put("name", Json.meta(deployment, "name") + "-" + hash);
        metadata.set("labels", labels.deepCopy());
        metadata.putObject("annotations").put(DESIRED, String.valueOf(spec.path("replicas").asInt(1)))
                .put(MAX, String.valueOf(spec.path("replicas").asInt(1) + maxSurge(spec)))
                .put(REVISION, String.valueOf(revision));
        metadata.putArray("ownerReferences").add(Owners.reference(deployment));
        ObjectNode rsSpec = replicaSet.putObject("spec").put("replicas", replicas);
        if (spec.has("minReadySeconds")) {
            rsSpec.set("minReadySeconds", spec.get("minReadySeconds").deepCopy());
        }
        ObjectNode selector = spec.path("selector").deepCopy();
        Defaults.object(selector, "matchLabels").put(HASH_LABEL, hash);
        rsSpec.set("selector", selector);
        rsSpec.set("template", template);
        return replicaSet;
    }

    // ---- status --------------------------------------------------------------------------------------

    private static ObjectNode status(ObjectNode deployment, ObjectNode previous, List<ObjectNode> owned,
            ObjectNode newReplicaSet) {
        JsonNode spec = deployment.path("spec");
        int desired = spec.path("replicas").asInt(1);
        int total = owned.stream().mapToInt(DeploymentController::replicas).sum();
        int actual = owned.stream().mapToInt(rs -> rs.path("status").path("replicas").asInt(0)).sum();
        int ready = owned.stream().mapToInt(rs -> rs.path("status").path("readyReplicas").asInt(0)).sum();
        int available = owned.stream().mapToInt(DeploymentController::available).sum();
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
        if (available >= desired - maxUnavailable(spec)) {
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
        if (!hasDeadline(spec)) {
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
    private static long deadlineRecheck(JsonNode spec, ObjectNode status) {
        Optional<JsonNode> progressing = Conditions.find(status, "Progressing");
        if (!hasDeadline(spec) || progressing.isEmpty() || !progressing.get().path("status").asText().equals("True")
                || progressing.get().path("reason").asText().equals("NewReplicaSetAvailable")) {
            return 0;
        }
        Instant deadline = Instant.parse(progressing.get().path("lastUpdateTime").asText())
                .plusSeconds(spec.path("progressDeadlineSeconds").asLong());
        return Math.max(1, deadline.toEpochMilli() - System.currentTimeMillis() + 1000);
    }

    private void writeStatus(ObjectNode deployment, ObjectNode status, ObjectNode newReplicaSet) {
        ObjectNode updated = deployment.deepCopy();
        boolean changed = !Json.same(status, deployment.get("status"));
        if (newReplicaSet != null) {
            String revision = String.valueOf(revision(newReplicaSet));
            ObjectNode annotations = Defaults.object(Json.metadata(updated), "annotations");
            changed |= !revision.equals(annotations.path(REVISION).asText());
            annotations.put(REVISION, revision);
        }
        if (changed) {
            updated.set("status", status);
            client.updateStatus(path(deployment.path("metadata").path("namespace").asText(), Json.meta(deployment, "name")),
                    updated);
        }
    }

    // ---- arithmetic ----------------------------------------------------------------------------------

    private static boolean recreate(JsonNode spec) {
        return spec.path("strategy").path("type").asText().equals("Recreate");
    }

    private static boolean hasDeadline(JsonNode spec) {
        return spec.has("progressDeadlineSeconds") && spec.path("progressDeadlineSeconds").asLong() != Integer.MAX_VALUE;
    }

    private static int maxSurge(JsonNode spec) {
        return recreate(spec) ? 0 : fenceposts(spec)[0];
    }

    private static int maxUnavailable(JsonNode spec) {
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

    private static int replicas(JsonNode replicaSet) {
        return replicaSet.path("spec").path("replicas").asInt(0);
    }

    private static int available(JsonNode replicaSet) {
        return replicaSet.path("status").path("availableReplicas").asInt(0);
    }

    private static int activePods(List<ObjectNode> replicaSets) {
        return replicaSets.stream().mapToInt(rs -> Math.max(replicas(rs), rs.path("status").path("replicas").asInt(0))).sum();
    }

    private static long revision(JsonNode replicaSet) {
        return replicaSet.path("metadata").path("annotations").path(REVISION).asLong(0);
    }

    private static void putIfPositive(ObjectNode status, String field, int value) {
        if (value > 0) {
            status.put(field, value);
        }
    }

    /** Whether a ReplicaSet runs the template (its own {@code pod-template-hash} label aside). */
    private static boolean sameTemplate(ObjectNode replicaSet, JsonNode template) {
        ObjectNode own = replicaSet.path("spec").path("template").deepCopy();
        if (own.path("metadata").path("labels") instanceof ObjectNode labels) {
            labels.remove(HASH_LABEL);
            if (labels.isEmpty()) {
                ((ObjectNode) own.get("metadata")).remove("labels");
            }
        }
        return Json.same(own, template);
    }

    /** A hash of the template written as Kubernetes writes hashes in names: 8 to 10 of {@link #ALPHANUMS}. */
    static String templateHash(JsonNode template) {
        int hash = 0x811c9dc5;
        for (byte b : Json.writeBytes(template)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        String decimal = Long.toString(Integer.toUnsignedLong(hash));
        StringBuilder encoded = new StringBuilder();
        for (char c : decimal.toCharArray()) {
            encoded.append(ALPHANUMS.charAt(c % ALPHANUMS.length()));
        }
        return encoded.toString();
    }

    static String path(String namespace, String name) {
        return "/apis/apps/v1/namespaces/" + namespace + "/deployments/" + name;
    }
}
