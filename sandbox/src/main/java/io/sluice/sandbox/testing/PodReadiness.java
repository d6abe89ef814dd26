package io.sluice.sandbox.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Plays the kubelet for tests on a cluster whose pods never run (the sandbox, or a real API server without nodes):
 * marks a Deployment's pods Running and Ready through {@code pods/status}, as a kubelet reports them, and waits
 * until the Deployment's status counts them. The controllers then do the rest as they would on a real cluster
 * (Available, rollout progress), so a test never writes a Deployment's status itself, which the deployment
 * controller would overwrite. Works against any API server.
 */
public final class PodReadiness {

    private PodReadiness() {
    }

    /**
     * Makes exactly {@code readyPods} of the Deployment's pods Ready (marking more, or un-marking), then waits until
     * its status shows them (observed generation current, {@code readyReplicas} equal).
     *
     * @throws IllegalStateException when the pods or the status do not show up within {@code timeout}
     */
    public static Deployment makeReady(KubernetesClient client, String namespace, String deployment, int readyPods,
            Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Deployment current = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
        if (current == null) {
            throw new IllegalStateException("no Deployment " + namespace + "/" + deployment);
        }
        Map<String, String> selector = current.getSpec().getSelector().getMatchLabels();
        List<Pod> pods = waitForPods(client, namespace, selector, readyPods, deadline);
        for (int i = 0; i < pods.size(); i++) {
            setReady(client, namespace, pods.get(i), i < readyPods);
        }
        long remaining = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        return client.apps().deployments().inNamespace(namespace).withName(deployment).waitUntilCondition(d ->
                d.getStatus() != null && d.getStatus().getObservedGeneration() != null
                        && d.getStatus().getObservedGeneration() >= d.getMetadata().getGeneration()
                        && orZero(d.getStatus().getReadyReplicas()) == readyPods, remaining, TimeUnit.MILLISECONDS);
    }

    /**
     * Plays the kubelet through a whole rollout: marks each of the Deployment's pods Ready as it appears (the new
     * ReplicaSet's pods included, while the controller replaces the old ones) until the status shows the current
     * generation observed and {@code spec.replicas} pods updated, ready and in total.
     *
     * @throws IllegalStateException when the rollout does not finish within {@code timeout}
     */
    public static Deployment rollOut(KubernetesClient client, String namespace, String deployment, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Deployment current = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
            if (current == null) {
                throw new IllegalStateException("no Deployment " + namespace + "/" + deployment);
            }
            if (rolledOut(current)) {
                return current;
            }
            for (Pod pod : client.pods().inNamespace(namespace).withLabels(current.getSpec().getSelector().getMatchLabels()).list().getItems()) {
                if (pod.getMetadata().getDeletionTimestamp() == null && !isReady(pod)) {
                    setReady(client, namespace, pod, true);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Deployment " + namespace + "/" + deployment + " not rolled out within " + timeout
                        + ": status " + current.getStatus());
            }
            pause("rolling out " + deployment);
        }
    }

    private static boolean rolledOut(Deployment deployment) {
        int wanted = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        var status = deployment.getStatus();
        return status != null && status.getObservedGeneration() != null
                && status.getObservedGeneration() >= deployment.getMetadata().getGeneration()
                && orZero(status.getUpdatedReplicas()) == wanted && orZero(status.getReadyReplicas()) == wanted
                && orZero(status.getReplicas()) == wanted;
    }

    private static boolean isReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static List<Pod> waitForPods(KubernetesClient client, String namespace, Map<String, String> selector, int wanted,
            Instant deadline) {
        while (true) {
            List<Pod> pods = new ArrayList<>(client.pods().inNamespace(namespace).withLabels(selector).list().getItems());
            pods.removeIf(pod -> pod.getMetadata().getDeletionTimestamp() != null);
            pods.sort((a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName()));
            if (pods.size() >= wanted) {
                return pods;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + pods.size() + " pods of " + selector + " in " + namespace
                        + ", " + wanted + " wanted");
            }
            pause("waiting for pods");
        }
    }

    /** The poll interval of both waits. */
    private static void pause(String doing) {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        }
    }

    private static void setReady(KubernetesClient client, String namespace, Pod pod, boolean ready) {
        client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).editStatus(p -> {
            String now = Instant.now().toString();
            List<PodCondition> conditions = new ArrayList<>();
            for (String type : List.of("Initialized", "Ready", "ContainersReady", "PodScheduled")) {
                conditions.add(new PodConditionBuilder().withType(type)
                        .withStatus(ready || type.equals("PodScheduled") || type.equals("Initialized") ? "True" : "False")
                        .withLastTransitionTime(now).build());
            }
            p.getStatus().setConditions(conditions);
            p.getStatus().setPhase(ready ? "Running" : "Pending");
            return p;
        });
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
