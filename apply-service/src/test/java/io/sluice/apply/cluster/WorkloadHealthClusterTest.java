package io.sluice.apply.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.sluice.api.events.Health;
import io.sluice.apply.ssa.HealthCheck;
import io.sluice.apply.ssa.ObjectRef;
import io.sluice.apply.ssa.RevisionApplier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.sluice.apply.cluster.ClusterFixtures.BUSYBOX_IMAGE;
import static io.sluice.apply.cluster.ClusterFixtures.PAUSE_IMAGE;
import static io.sluice.apply.cluster.ClusterFixtures.deployment;
import static io.sluice.apply.cluster.ClusterFixtures.first;
import static io.sluice.apply.cluster.ClusterFixtures.namespace;
import static io.sluice.apply.cluster.ClusterFixtures.objects;
import static io.sluice.apply.cluster.ClusterFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spec.wait} / {@code spec.timeout} against controllers and a kubelet that really run: the sandbox
 * runs no pods, so there a Deployment never becomes Available and a Job never completes unless a test
 * writes their status (docs/sandbox.md, "controllers").
 */
class WorkloadHealthClusterTest extends ClusterTest {

    @Test
    void aDeploymentRollsOutAndTheWaitSeesItAvailable() {
        cluster.assume(Capability.RUNS_WORKLOADS);
        RevisionApplier.Result result = revisions.apply(first(
                objects(stream(namespace(), deployment("web", PAUSE_IMAGE, 2)), ns), true, Duration.ofMinutes(3)));

        assertThat(result.health()).as(result.health().message()).isEqualTo(Health.healthy("2 objects are healthy"));
        Deployment live = client.apps().deployments().inNamespace(ns).withName("web").get();
        assertThat(live.getStatus().getAvailableReplicas()).isEqualTo(2);
        assertThat(live.getStatus().getConditions())
                .anySatisfy(c -> assertThat(List.of(c.getType(), c.getStatus())).containsExactly("Available", "True"));
        // The deployment controller made a ReplicaSet, and the kubelet runs its two pods.
        List<ReplicaSet> replicaSets = client.apps().replicaSets().inNamespace(ns).withLabel("app", "web").list().getItems();
        assertThat(replicaSets).hasSize(1);
        assertThat(replicaSets.get(0).getMetadata().getOwnerReferences()).extracting(OwnerReference::getUid)
                .containsExactly(live.getMetadata().getUid());
        List<Pod> pods = client.pods().inNamespace(ns).withLabel("app", "web").list().getItems();
        assertThat(pods).hasSize(2).allSatisfy(pod -> assertThat(pod.getStatus().getPhase()).isEqualTo("Running"));
    }

    @Test
    void aDeploymentWhoseImageCannotBePulledFailsTheWaitNamingItWithinTheTimeout() {
        cluster.assume(Capability.RUNS_WORKLOADS);
        Duration timeout = Duration.ofSeconds(40);
        long start = System.nanoTime();

        RevisionApplier.Result result = revisions.apply(first(objects(stream(namespace(),
                deployment("broken", "registry.invalid/sluice/no-such-image:0.0.0", 1)), ns), true, timeout));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result.health().status()).isEqualTo(Health.Status.UNHEALTHY);
        assertThat(result.health().message()).isEqualTo("timeout waiting for: [Deployment " + ns + "/broken: 0/1 replicas available]");
        assertThat(result.unhealthy()).extracting(HealthCheck.Result::object)
                .containsExactly(new ObjectRef("apps/v1", "Deployment", ns, "broken"));
        assertThat(took).as("the wait ends at spec.timeout").isBetween(timeout.minusSeconds(2), timeout.plusSeconds(20));
        // And the reason is the one the test set up: the kubelet cannot pull the image.
        Pod pod = client.pods().inNamespace(ns).withLabel("app", "broken").list().getItems().get(0);
        assertThat(pod.getStatus().getContainerStatuses()).extracting(ContainerStatus::getState)
                .allSatisfy(state -> assertThat(state.getWaiting().getReason()).isIn("ErrImagePull", "ImagePullBackOff"));
    }

    @Test
    void aDeploymentPastItsProgressDeadlineEndsTheWaitBeforeTheTimeout() {
        cluster.assume(Capability.RUNS_WORKLOADS);
        String stuck = deployment("stuck", "registry.invalid/sluice/no-such-image:0.0.0", 1)
                .replace("  replicas: 1\n", "  replicas: 1\n  progressDeadlineSeconds: 10\n");
        long start = System.nanoTime();

        RevisionApplier.Result result = revisions.apply(first(objects(stream(namespace(), stuck), ns), true, Duration.ofMinutes(5)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the controller's verdict ends the wait").isLessThan(Duration.ofMinutes(2));
        assertThat(result.health().status()).isEqualTo(Health.Status.UNHEALTHY);
        assertThat(result.health().message())
                .startsWith("health check failed: [Deployment " + ns + "/stuck: progress deadline exceeded: ")
                .contains("has timed out progressing");
    }

    @Test
    void aJobThatSucceedsIsHealthyOnceTheJobControllerMarksItComplete() {
        cluster.assume(Capability.RUNS_WORKLOADS);
        RevisionApplier.Result result = revisions.apply(first(objects(stream(namespace(), job("migrate", "echo migrated")), ns),
                true, Duration.ofMinutes(3)));

        assertThat(result.health()).as(result.health().message()).isEqualTo(Health.healthy("2 objects are healthy"));
        Job live = client.batch().v1().jobs().inNamespace(ns).withName("migrate").get();
        assertThat(live.getStatus().getSucceeded()).isEqualTo(1);
        assertThat(live.getStatus().getConditions()).anySatisfy(c -> assertThat(List.of(c.getType(), c.getStatus()))
                .containsExactly("Complete", "True"));
    }

    @Test
    void aJobThatFailsEndsTheWaitAtOnceWithTheControllersReason() {
        cluster.assume(Capability.RUNS_WORKLOADS);
        long start = System.nanoTime();

        RevisionApplier.Result result = revisions.apply(first(objects(stream(namespace(), job("fail", "exit 3")), ns),
                true, Duration.ofMinutes(5)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(3));
        assertThat(result.health().status()).isEqualTo(Health.Status.UNHEALTHY);
        assertThat(result.health().message()).isEqualTo("health check failed: [Job " + ns
                + "/fail: job failed: BackoffLimitExceeded: Job has reached the specified backoff limit]");
        assertThat(result.unhealthy()).extracting(r -> r.status()).containsOnly(HealthCheck.Status.FAILED);
        assertThat(Set.copyOf(client.pods().inNamespace(ns).withLabel("job-name", "fail").list().getItems().stream()
                .map(pod -> pod.getStatus().getPhase()).toList())).containsExactly("Failed");
    }

    /** A Job running one shell command once (no retries). */
    private static String job(String name, String command) {
        return """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: %1$s
                  namespace: @ns@
                spec:
                  backoffLimit: 0
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: main
                          image: %2$s
                          command: ["sh", "-c", "%3$s"]
                """.formatted(name, BUSYBOX_IMAGE, command);
    }
}
