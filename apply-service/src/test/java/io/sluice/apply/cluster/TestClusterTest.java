package io.sluice.apply.cluster;

import io.sluice.sandbox.cluster.SandboxCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code -Dsluice.test.kubeconfig=FILE} reaches the cluster that file names: here the sandbox's own written kubeconfig,
 * the only API server this machine has (no real cluster runs here; anyone with one passes its kubeconfig instead).
 */
class TestClusterTest {

    @Test
    void theKubeconfigGivenAsPropertyIsTheClusterTheTestsUse(@TempDir Path dir) throws Exception {
        try (SandboxCluster sandbox = SandboxCluster.start()) {
            Path kubeconfig = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
            String before = System.setProperty(TestCluster.KUBECONFIG_PROPERTY, kubeconfig.toString());
            try (TestCluster cluster = TestCluster.connect()) {
                assertThat(cluster).hasToString("the cluster of " + kubeconfig);
                assertThat(cluster.admin().getMasterUrl().toString()).startsWith(sandbox.masterUrl());
                assertThat(cluster.admin().namespaces().withName("flux-system").get()).as("the sandbox's own namespace").isNotNull();
            } finally {
                if (before == null) {
                    System.clearProperty(TestCluster.KUBECONFIG_PROPERTY);
                } else {
                    System.setProperty(TestCluster.KUBECONFIG_PROPERTY, before);
                }
            }
        }
    }
}
