package io.sluice.apply.ssa;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HealthCheckTest {

    private static final List<GenericKubernetesResource> OBJECTS = Fixtures.load("health-statuses.yaml");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            rolled-out     | HEALTHY     | Deployment apps/rolled-out: 2/2 replicas available
            starting       | IN_PROGRESS | Deployment apps/starting: 0/2 replicas available
            old-generation | IN_PROGRESS | Deployment apps/old-generation: waiting for the controller to observe generation 3 (observed 2)
            no-status      | IN_PROGRESS | Deployment apps/no-status: waiting for the deployment controller (no status yet)
            deadline       | FAILED      | Deployment apps/deadline: progress deadline exceeded: ReplicaSet "deadline-5d4" has timed out progressing.
            db             | HEALTHY     | StatefulSet apps/db: 3/3 replicas ready
            db-rolling     | IN_PROGRESS | StatefulSet apps/db-rolling: 1/3 replicas ready
            agent          | IN_PROGRESS | DaemonSet apps/agent: 2/3 pods available
            migrate        | HEALTHY     | Job apps/migrate: job complete
            broken         | FAILED      | Job apps/broken: job failed: BackoffLimitExceeded: Job has reached the specified backoff limit
            running        | IN_PROGRESS | Job apps/running: job not complete (0 succeeded, 1 active)
            data           | HEALTHY     | PersistentVolumeClaim apps/data: bound
            pending        | IN_PROGRESS | PersistentVolumeClaim apps/pending: not bound (phase Pending)
            podinfo        | IN_PROGRESS | GitRepository flux-system/podinfo: not ready: GitOperationFailed: authentication required
            ready          | HEALTHY     | GitRepository flux-system/ready: ready
            stuck          | FAILED      | Widget apps/stuck: stalled: InvalidSpec: size must be positive
            plain          | HEALTHY     | ConfigMap apps/plain: exists
            """)
    void evaluatesTheStatusControllersWrite(String name, HealthCheck.Status status, String message) {
        HealthCheck.Result result = HealthCheck.evaluate(Fixtures.named(OBJECTS, name));
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.message()).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource({"rolled-out", "plain"})
    void anObjectBeingDeletedIsNotHealthy(String name) {
        GenericKubernetesResource object = Manifests.copy(Fixtures.named(OBJECTS, name));
        object.getMetadata().setDeletionTimestamp(Instant.now().toString());
        assertThat(HealthCheck.evaluate(object).status()).isEqualTo(HealthCheck.Status.IN_PROGRESS);
        assertThat(HealthCheck.evaluate(object).message()).endsWith("being deleted");
    }
}
