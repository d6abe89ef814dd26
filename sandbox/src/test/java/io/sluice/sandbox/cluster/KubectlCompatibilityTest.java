package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The written kubeconfig drives a real kubectl, when one is on the PATH (skipped otherwise): discovery,
 * short names, create and delete of a Sluice custom resource. Validation needs --validate=false because
 * the sandbox publishes no OpenAPI schema.
 */
class KubectlCompatibilityTest {

    private static SandboxCluster cluster;
    private static Path kubeconfig;

    @BeforeAll
    static void start(@TempDir Path dir) {
        assumeTrue(kubectl().isPresent(), "kubectl is not on the PATH; skipping the kubectl compatibility checks");
        cluster = SandboxCluster.start();
        kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void kubectlListsNamespacesAndCrdsAndCreatesAGitRepositoryByShortName(@TempDir Path dir) throws Exception {
        assertThat(kubectlOk("get", "namespaces", "-o", "name")).contains("namespace/default", "namespace/flux-system");
        assertThat(kubectlOk("get", "crds", "-o", "name"))
                .contains("customresourcedefinition.apiextensions.k8s.io/gitrepositories.source.toolkit.fluxcd.io");

        Path manifest = Files.writeString(dir.resolve("gitrepository.yaml"), """
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata:
                  name: podinfo
                  namespace: flux-system
                spec:
                  url: http://127.0.0.1/git/podinfo.git
                  interval: 1m
                """);
        assertThat(kubectlOk("create", "--validate=false", "-f", manifest.toString()))
                .contains("gitrepository.source.toolkit.fluxcd.io/podinfo created");
        assertThat(kubectlOk("get", "gitrepo", "-n", "flux-system", "podinfo", "-o", "jsonpath={.spec.url}"))
                .isEqualTo("http://127.0.0.1/git/podinfo.git");
        assertThat(kubectlOk("delete", "-f", manifest.toString())).contains("deleted");
        assertThat(cluster.client().genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository")
                .inNamespace("flux-system").withName("podinfo").get()).isNull();
    }

    private static String kubectlOk(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(kubectl().orElseThrow().toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl finished").isTrue();
        assertThat(process.exitValue()).as("kubectl %s said: %s", String.join(" ", args), output).isZero();
        return output.trim();
    }

    private static java.util.Optional<Path> kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }
}
