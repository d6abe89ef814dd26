package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    static final String REVISION = "deployment.kubernetes.io/revision";
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
        owned.sort(Comparator.comparingLong(RolloutNumbers::revision));
        ObjectNode newReplicaSet = owned.stream().filter(rs -> sameTemplate(rs, spec.path("template"))).findFirst()
                .orElse(null);
        List<ObjectNode> old = new ArrayList<>(owned);
        old.remove(newReplicaSet);
        ObjectNode status = deployment.path("status").isObject() ? ((ObjectNode) deployment.get("status")).deepCopy()
                : Json.object();
        boolean paused = spec.path("paused").asBoolean(false);
        if (newReplicaSet == null && !paused) {
            long next = owned.isEmpty() ? 1 : RolloutNumbers.revision(owned.get(owned.size() - 1)) + 1;
            int replicas = RolloutNumbers.recreate(spec) && RolloutNumbers.activePods(old) > 0 ? 0 : newReplicas(spec, owned, null);
            Optional<ObjectNode> created = client.create("/apis/apps/v1/namespaces/" + namespace + "/replicasets",
                    replicaSet(deployment, next, replicas));
            if (created.isEmpty()) {
                return 0;
            }
            newReplicaSet = created.get();
            owned.add(newReplicaSet);
            if (RolloutNumbers.hasDeadline(spec)) {
                Conditions.set(status, "Progressing", "True", "NewReplicaSetCreated", "Created new replica set "
                        + GoSyntax.quote(Json.meta(newReplicaSet, "name")));
            }
        } else if (newReplicaSet != null && RolloutNumbers.hasDeadline(spec) && Conditions.find(status, "Progressing").isEmpty()) {
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
        ObjectNode newStatus = DeploymentStatuses.of(deployment, status, owned, newReplicaSet);
        writeStatus(deployment, newStatus, newReplicaSet);
        return DeploymentStatuses.recheckMillis(spec, newStatus);
    }

    // ---- rollout -------------------------------------------------------------------------------------

    private void rollOut(ObjectNode deployment, ObjectNode newReplicaSet, List<ObjectNode> old) {
        JsonNode spec = deployment.path("spec");
        int desired = spec.path("replicas").asInt(1);
        if (RolloutNumbers.recreate(spec)) {
            old.forEach(rs -> scale(deployment, rs, 0));
            if (RolloutNumbers.activePods(old) == 0) {
                scale(deployment, newReplicaSet, desired);
            }
            return;
        }
        List<ObjectNode> all = new ArrayList<>(old);
        all.add(newReplicaSet);
        int current = RolloutNumbers.replicas(newReplicaSet);
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
        if (RolloutNumbers.recreate(spec)) {
            return desired;
        }
        int current = all.stream().mapToInt(RolloutNumbers::replicas).sum();
        int maxTotal = desired + RolloutNumbers.maxSurge(spec);
        int own = newReplicaSet == null ? 0 : RolloutNumbers.replicas(newReplicaSet);
        if (current >= maxTotal) {
            return own;
        }
        return own + Math.min(maxTotal - current, desired - own);
    }

    /** Old ReplicaSets go down as far as availability allows: unhealthy pods first, then available ones. */
    private void scaleDownOld(ObjectNode deployment, ObjectNode newReplicaSet, List<ObjectNode> old) {
        JsonNode spec = deployment.path("spec");
        int oldPods = old.stream().mapToInt(RolloutNumbers::replicas).sum();
        if (oldPods == 0) {
            return;
        }
        int allPods = oldPods + RolloutNumbers.replicas(newReplicaSet);
        int minAvailable = spec.path("replicas").asInt(1) - RolloutNumbers.maxUnavailable(spec);
        int newUnavailable = RolloutNumbers.replicas(newReplicaSet) - RolloutNumbers.available(newReplicaSet);
        int maxScaledDown = allPods - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return;
        }
        int cleaned = 0;
        for (ObjectNode rs : old) {
            int unhealthy = RolloutNumbers.replicas(rs) - RolloutNumbers.available(rs);
            int down = Math.min(maxScaledDown - cleaned, unhealthy);
            if (down > 0) {
                scale(deployment, rs, RolloutNumbers.replicas(rs) - down);
                cleaned += down;
            }
        }
        int availablePods = old.stream().mapToInt(RolloutNumbers::available).sum() + RolloutNumbers.available(newReplicaSet);
        int toScaleDown = Math.min(availablePods - minAvailable, maxScaledDown - cleaned);
        for (ObjectNode rs : old) {
            int down = Math.min(RolloutNumbers.replicas(rs), toScaleDown);
            if (down > 0) {
                scale(deployment, rs, RolloutNumbers.replicas(rs) - down);
                toScaleDown -= down;
            }
        }
    }

    /** Sets a ReplicaSet's size (and its desired/max annotations), in the local copy too. */
    private void scale(ObjectNode deployment, ObjectNode replicaSet, int replicas) {
        JsonNode spec = deployment.path("spec");
        ObjectNode annotations = Defaults.object(Json.metadata(replicaSet), "annotations");
        String desired = String.valueOf(spec.path("replicas").asInt(1));
        String max = String.valueOf(spec.path("replicas").asInt(1) + RolloutNumbers.maxSurge(spec));
        if (RolloutNumbers.replicas(replicaSet) == replicas && desired.equals(annotations.path(DESIRED).asText())
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
        List<ObjectNode> idle = old.stream().filter(rs -> RolloutNumbers.replicas(rs) == 0 && rs.path("status").path("replicas").asInt(0) == 0)
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
                .put(MAX, String.valueOf(spec.path("replicas").asInt(1) + RolloutNumbers.maxSurge(spec)))
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

    private void writeStatus(ObjectNode deployment, ObjectNode status, ObjectNode newReplicaSet) {
        ObjectNode updated = deployment.deepCopy();
        boolean changed = !Json.same(status, deployment.get("status"));
        if (newReplicaSet != null) {
            String revision = String.valueOf(RolloutNumbers.revision(newReplicaSet));
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
