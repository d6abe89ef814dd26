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
 * short names, create and delete of a Sluice custom resource, server-side apply with conflicts, client-side
 * apply (strategic merge patch), namespace deletion - all with kubectl's default validation, which the
 * sandbox's OpenAPI v3 index hands to the server (where nothing is validated).
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
        assertThat(kubectlOk("create", "-f", manifest.toString()))
                .contains("gitrepository.source.toolkit.fluxcd.io/podinfo created");
        assertThat(kubectlOk("get", "gitrepo", "-n", "flux-system", "podinfo", "-o", "jsonpath={.spec.url}"))
                .isEqualTo("http://127.0.0.1/git/podinfo.git");
        assertThat(kubectlOk("delete", "-f", manifest.toString())).contains("deleted");
        assertThat(cluster.client().genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository")
                .inNamespace("flux-system").withName("podinfo").get()).isNull();
    }

    @Test
    void kubectlServerSideApplyCreatesUpdatesAndConflicts(@TempDir Path dir) throws Exception {
        Path v1 = Files.writeString(dir.resolve("v1.yaml"), deployment("nginx:1.27", 2));
        assertThat(kubectlOk("apply", "--server-side", "-f", v1.toString()))
                .contains("deployment.apps/kubectl-ssa serverside-applied");
        assertThat(kubectlOk("apply", "--server-side", "-f", v1.toString()))
                .as("again, unchanged").contains("serverside-applied");
        var applied = cluster.client().apps().deployments().inNamespace("default").withName("kubectl-ssa").get();
        assertThat(applied.getMetadata().getManagedFields()).extracting(e -> e.getManager() + "/" + e.getOperation())
                .containsExactly("kubectl/Apply");

        Path v2 = Files.writeString(dir.resolve("v2.yaml"), deployment("nginx:1.28", 3));
        assertThat(kubectlOk("apply", "--server-side", "-f", v2.toString())).contains("serverside-applied");
        assertThat(cluster.client().apps().deployments().inNamespace("default").withName("kubectl-ssa").get()
                .getSpec().getReplicas()).isEqualTo(3);

        // Another manager takes replicas: kubectl reports the conflict, --force-conflicts takes it back.
        // (a merge patch: no resourceVersion precondition to race with the deployment controller's status writes)
        cluster.client().apps().deployments().inNamespace("default").withName("kubectl-ssa").patch(
                io.fabric8.kubernetes.client.dsl.base.PatchContext.of(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                "{\"spec\":{\"replicas\":5}}");
        KubectlResult conflict = kubectl("apply", "--server-side", "-f", v2.toString());
        assertThat(conflict.exitCode()).isNotZero();
        assertThat(conflict.output()).contains("conflict").contains(".spec.replicas");
        assertThat(kubectlOk("apply", "--server-side", "--force-conflicts", "-f", v2.toString()))
                .contains("serverside-applied");
        assertThat(cluster.client().apps().deployments().inNamespace("default").withName("kubectl-ssa").get()
                .getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void kubectlClientSideApplyOfAnExistingBuiltInUsesAStrategicMergePatch(@TempDir Path dir) throws Exception {
        Path v1 = Files.writeString(dir.resolve("csa-v1.yaml"), deployment("nginx:1.27", 1).replace("kubectl-ssa", "kubectl-csa"));
        assertThat(kubectlOk("apply", "-f", v1.toString())).contains("created");
        Path v2 = Files.writeString(dir.resolve("csa-v2.yaml"), deployment("nginx:1.28", 1).replace("kubectl-ssa", "kubectl-csa"));
        assertThat(kubectlOk("apply", "-f", v2.toString())).contains("configured");
        assertThat(cluster.client().apps().deployments().inNamespace("default").withName("kubectl-csa").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.28");
    }

    @Test
    void kubectlDeleteNamespaceTakesItsObjects(@TempDir Path dir) throws Exception {
        Path manifest = Files.writeString(dir.resolve("namespace.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: kubectl-doomed
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: inside
                  namespace: kubectl-doomed
                data: {a: "1"}
                """);
        assertThat(kubectlOk("apply", "--server-side", "-f", manifest.toString()))
                .contains("namespace/kubectl-doomed serverside-applied", "configmap/inside serverside-applied");
        assertThat(kubectlOk("delete", "namespace", "kubectl-doomed")).contains("deleted");
        assertThat(cluster.client().configMaps().inNamespace("kubectl-doomed").list().getItems()).isEmpty();
    }

    @Test
    void kubectlWatchesOverPlainHttp() throws Exception {
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(1_500);
                cluster.client().resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata()
                        .withNamespace("default").withName("watched-by-kubectl").endMetadata().build()).create();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        // the watch ends at its request timeout; what it saw in the meantime is printed
        KubectlResult watch = kubectl("get", "configmaps", "-n", "default", "--watch-only", "-o", "name",
                "--request-timeout=6s");
        writer.join();
        assertThat(watch.output()).contains("configmap/watched-by-kubectl");
    }

    @Test
    void kubectlCreateGeneratorsSendProtobufWhichTheSandboxRefusesWithAHint() throws Exception {
        KubectlResult result = kubectl("create", "namespace", "kubectl-protobuf");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("protobuf").contains("-f");
        assertThat(kubectl("auth", "can-i", "list", "configmaps").output()).as("an access review in protobuf too")
                .contains("protobuf");
    }

    private static String deployment(String image, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: kubectl-ssa
                  namespace: default
                spec:
                  replicas: %d
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: %s
                        ports:
                        - containerPort: 80
                          protocol: TCP
                """.formatted(replicas, image);
    }

    private record KubectlResult(int exitCode, String output) {
    }

    private static KubectlResult kubectl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(kubectl().orElseThrow().toString(), "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl finished").isTrue();
        return new KubectlResult(process.exitValue(), output.trim());
    }

    private static String kubectlOk(String... args) throws Exception {
        KubectlResult result = kubectl(args);
        assertThat(result.exitCode()).as("kubectl %s said: %s", String.join(" ", args), result.output()).isZero();
        return result.output();
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
