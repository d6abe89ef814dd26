package io.sluice.apply.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.apply.ssa.RevisionApplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

/**
 * What every cluster test class starts from, so that each states only what it tests: the shared cluster
 * ({@link TestClusterExtension}: a kubeconfig's, a K3s, or the sandbox), its admin client, an applier acting as the
 * admin, and a namespace of the test's own, deleted after the test with whatever the test put in it and the CRDs of
 * the test's own API group. A test that needs more than the API calls {@code cluster.assume(Capability)} first.
 *
 * <p>The fields are static because {@code @BeforeAll} sets them; test classes run one after another,
 * and each sets them again (to the same cluster) before its first test.
 */
@ExtendWith(TestClusterExtension.class)
abstract class ClusterTest {

    static TestCluster cluster;
    /** The cluster admin: sets things up and looks at the result, outside any revision. */
    static KubernetesClient client;
    /** Applies revisions as the cluster admin, polling health every second. */
    static RevisionApplier revisions;

    /** This test's own namespace: {@link ClusterFixtures#namespaceFor}. */
    String ns;

    @BeforeAll
    static void connect(TestCluster connected) {
        cluster = connected;
        client = connected.admin();
        revisions = new RevisionApplier(client, Duration.ofSeconds(1));
    }

    @BeforeEach
    void namespaceFor(TestInfo test) {
        ns = ClusterFixtures.namespaceFor(test);
    }

    /** On a shared cluster a test leaves nothing behind: its namespaces ({@code ns}, {@code ns-*}) and its CRDs go. */
    @AfterEach
    void deleteWhatTheTestMade() {
        client.namespaces().list().getItems().stream()
                .map(namespace -> namespace.getMetadata().getName())
                .filter(name -> name.equals(ns) || name.startsWith(ns + "-"))
                .forEach(name -> client.namespaces().withName(name).delete());
        client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                .filter(crd -> crd.getSpec().getGroup().equals(ns + ".sluice.io"))
                .forEach(crd -> client.resource(crd).delete());
    }
}
