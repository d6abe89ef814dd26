package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.FluxKinds;
import io.sluice.api.source.GitRepository;
import io.sluice.sandbox.cluster.SandboxCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice up --kubeconfig} on a cluster that has never seen Sluice: it installs Sluice's CRDs before it starts
 * anything that needs them, as {@code flux install} would, and the quickstart is seeded into them. The cluster is a
 * sandbox API in this JVM with its CRDs deleted (no real cluster runs on this machine); the services are small fakes
 * ({@link FakeHome}).
 */
class UpOnAClusterWithoutCrdsIT {

    @TempDir
    Path dir;

    @Test
    void theCrdsAreInstalledFirstAndTheQuickstartIsSeededIntoThem() throws Exception {
        try (SandboxCluster cluster = SandboxCluster.start()) {
            KubernetesClient client = cluster.client();
            // The sandbox starts with every CRD of deploy/crds (Flagger's too, which up does not install yet): none first.
            client.apiextensions().v1().customResourceDefinitions().delete();
            assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems()).isEmpty();
            Path kubeconfig = cluster.writeKubeconfig(dir.resolve("cluster-kubeconfig"));
            Path home = FakeHome.create(dir.resolve("home"), Map.of());

            try (UpRun up = new UpRun(dir, home, 60, List.of("--kubeconfig", kubeconfig.toString()))) {
                String ready = up.cli.awaitLine(line -> line.startsWith("Sluice is ready ("), Duration.ofSeconds(120));

                assertThat(ready).startsWith("Sluice is ready (cluster)");
                assertThat(up.cli.stdout()).contains("Installing Sluice's CRDs (server-side apply of " + FluxKinds.ALL.size() + " CRDs) ... ok");
                assertThat(up.cli.stdout().indexOf("Installing Sluice's CRDs")).as("before the services start")
                        .isLessThan(up.cli.stdout().indexOf("Starting " + SluiceService.ALL.size() + " services"));
                assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems()).hasSize(FluxKinds.ALL.size());
                assertThat(UpRun.get(client, GitRepository.class, "flux-system", "quickstart")).as("seeded GitRepository").isNotNull();
                assertThat(UpRun.get(client, Kustomization.class, "flux-system", "quickstart")).as("seeded Kustomization").isNotNull();
                up.cli.terminate();
                assertThat(up.cli.awaitExit(Duration.ofSeconds(60))).as(up.cli.transcript()).isEqualTo(143);
            }
        }
    }
}
