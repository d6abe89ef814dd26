package io.sluice.apply.ssa;

import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.sandbox.cluster.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HealthWaiter on the sandbox. No controllers run there, so each test writes the status a
 * controller would write (the status subresource) to simulate a rollout, or leaves it to time out.
 */
class HealthWaiterTest {

    private static final Duration FAST = Duration.ofMillis(100);

    private static SandboxCluster cluster;
    private static KubernetesClient client;

    private String ns;
    private HealthWaiter waiter;

    @BeforeAll
    static void startCluster() {
        cluster = SandboxCluster.start();
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void apply(TestInfo test) {
        ns = Fixtures.namespaceFor(test);
        new StagedApplier(client).apply(Fixtures.load("app-v1.yaml", ns), ApplyOptions.forKustomization("flux-system", "app"));
        waiter = new HealthWaiter(client);
    }

    private ObjectRef deployment() {
        return new ObjectRef("apps/v1", "Deployment", ns, "web");
    }

    private void rollOut(int available) {
        client.apps().deployments().inNamespace(ns).withName("web").editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
                    .withReplicas(2).withUpdatedReplicas(2).withAvailableReplicas(available).withReadyReplicas(available).build());
            return d;
        });
    }

    @Test
    void timeoutNamesTheUnhealthyObjectWithItsReason() {
        rollOut(0);

        HealthWaiter.Report report = waiter.waitFor(List.of(deployment(), new ObjectRef("v1", "ConfigMap", ns, "settings")), Duration.ofMillis(500), FAST);

        assertThat(report.healthy()).isFalse();
        assertThat(report.timedOut()).isTrue();
        assertThat(report.unhealthy()).extracting(HealthCheck.Result::object).containsExactly(deployment());
        assertThat(report.message()).isEqualTo("timeout waiting for: [Deployment " + ns + "/web: 0/2 replicas available]");
    }

    @Test
    void healthyOnceTheSimulatedRolloutCompletes() throws Exception {
        assertThat(waiter.check(deployment()).message()).isEqualTo("Deployment " + ns + "/web: waiting for the deployment controller (no status yet)");
        CompletableFuture<Void> controller = CompletableFuture.runAsync(() -> {
            sleep(300);
            rollOut(1);
            sleep(300);
            rollOut(2);
        });

        HealthWaiter.Report report = waiter.waitFor(List.of(deployment()), Duration.ofSeconds(20), FAST);

        controller.get(5, TimeUnit.SECONDS);
        assertThat(report.healthy()).as(report.message()).isTrue();
        assertThat(report.timedOut()).isFalse();
    }

    @Test
    void aFailedJobEndsTheWaitAtOnce() {
        client.batch().v1().jobs().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.batch.v1.JobBuilder()
                .withNewMetadata().withName("migrate").endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().withRestartPolicy("Never").addNewContainer().withName("m").withImage("busybox").endContainer()
                .endSpec().endTemplate().endSpec().build()).create();
        client.batch().v1().jobs().inNamespace(ns).withName("migrate").editStatus(job -> {
            job.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder().withFailed(6).withConditions(new JobConditionBuilder()
                    .withType("Failed").withStatus("True").withReason("BackoffLimitExceeded").withMessage("Job has reached the specified backoff limit").build()).build());
            return job;
        });

        long start = System.nanoTime();
        HealthWaiter.Report report = waiter.waitFor(List.of(new ObjectRef("batch/v1", "Job", ns, "migrate")), Duration.ofSeconds(30), FAST);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(report.timedOut()).isFalse();
        assertThat(report.message()).isEqualTo("health check failed: [Job " + ns + "/migrate: job failed: BackoffLimitExceeded: Job has reached the specified backoff limit]");
    }

    @Test
    void aMissingObjectIsReportedAsNotFound() {
        HealthWaiter.Report report = waiter.waitFor(List.of(new ObjectRef("v1", "ConfigMap", ns, "nope")), Duration.ofMillis(300), FAST);
        assertThat(report.message()).isEqualTo("timeout waiting for: [ConfigMap " + ns + "/nope: not found]");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
