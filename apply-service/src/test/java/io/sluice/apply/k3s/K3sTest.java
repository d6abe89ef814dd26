package io.sluice.apply.k3s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.apply.ssa.RevisionApplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.time.Duration;

/**
 * What every K3s test class starts from, so that each states only what it tests: the shared cluster
 * ({@link K3sClusterExtension}), its admin client, an applier acting as the admin, and a namespace of the
 * test's own. Skipped, like its subclasses, where there is no Docker.
 *
 * <p>The fields are static because {@code @BeforeAll} sets them; test classes run one after another,
 * and each sets them again (to the same cluster) before its first test.
 */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(K3sClusterExtension.class)
abstract class K3sTest {

    static K3sCluster k3s;
    /** The cluster admin: sets things up and looks at the result, outside any revision. */
    static KubernetesClient client;
    /** Applies revisions as the cluster admin, polling health every second. */
    static RevisionApplier revisions;

    /** This test's own namespace: {@link K3sFixtures#namespaceFor}. */
    String ns;

    @BeforeAll
    static void connect(K3sCluster cluster) {
        k3s = cluster;
        client = cluster.admin();
        revisions = new RevisionApplier(client, Duration.ofSeconds(1));
    }

    @BeforeEach
    void namespaceFor(TestInfo test) {
        ns = K3sFixtures.namespaceFor(test);
    }
}
