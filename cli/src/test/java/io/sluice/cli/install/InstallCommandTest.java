package io.sluice.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.meta.FluxKinds;
import io.sluice.cli.CliRun;
import io.sluice.cli.up.SluiceService;
import io.sluice.sandbox.LoopbackPorts;
import io.sluice.sandbox.cluster.SandboxCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice install} into a sandbox API that has nothing of Sluice yet, through the sandbox's kubeconfig. */
class InstallCommandTest {

    private static final String HOME = System.getProperty("sluice.home");

    @TempDir
    Path dir;

    private CliRun sluice(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--home", HOME, "--work-dir", dir.resolve("no-up").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void installsTheCrdsAndTheServicesAndAgainChangesNothing() {
        try (SandboxCluster cluster = SandboxCluster.start()) {
            String kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig")).toString();
            KubernetesClient client = cluster.client();
            // The sandbox starts with every CRD of deploy/crds (Flagger's too, which install does not put in yet): none first.
            client.apiextensions().v1().customResourceDefinitions().delete();
            assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems()).as("a cluster without Sluice").isEmpty();

            CliRun run = sluice("install", "--kubeconfig", kubeconfig, "--kafka-bootstrap", "kafka.kafka.svc:9092");

            assertThat(run.code()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("► installing Sluice on https://127.0.0.1:")
                    .contains("✔ " + FluxKinds.ALL.size() + " CRDs applied and served", "✔ Namespace/sluice-system applied",
                            "✔ ClusterRole/sluice-source-service applied", "✔ Deployment/sluice-system/apply-service applied")
                    .contains("✔ Sluice installed: ");
            assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems()).hasSize(FluxKinds.ALL.size());
            assertThat(client.namespaces().withName("sluice-system").get()).isNotNull();
            List<String> deployments = client.apps().deployments().inNamespace("sluice-system").list().getItems().stream()
                    .map(d -> d.getMetadata().getName()).sorted().toList();
            assertThat(deployments).containsExactlyElementsOf(SluiceService.ALL.stream().map(SluiceService::name).sorted().toList());
            ConfigMap kafka = client.configMaps().inNamespace("sluice-system").withName("sluice-kafka").get();
            assertThat(kafka.getData()).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.kafka.svc:9092");
            assertThat(client.rbac().clusterRoleBindings().withName("sluice-apply-service").get()).isNotNull();
            assertThat(client.serviceAccounts().inNamespace("sluice-system").withName("source-service").get()).isNotNull();
            Deployment apply = client.apps().deployments().inNamespace("sluice-system").withName("apply-service").get();
            assertThat(apply.getMetadata().getManagedFields()).extracting(f -> f.getManager()).contains("sluice-install");

            CliRun again = sluice("install", "--kubeconfig", kubeconfig, "--kafka-bootstrap", "kafka.kafka.svc:9092");
            assertThat(again.code()).as(again.toString()).isZero();
            assertThat(client.apps().deployments().inNamespace("sluice-system").withName("apply-service").get().getMetadata()
                    .getGeneration()).as("the same spec applied again").isEqualTo(apply.getMetadata().getGeneration());
        }
    }

    @Test
    void exportPrintsTheManifestsWithoutACluster() {
        CliRun run = sluice("install", "--export", "--kafka-bootstrap", "broker-1:9092,broker-2:9092");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("apiVersion: v1\nkind: Namespace\n")
                .contains("KAFKA_BOOTSTRAP_SERVERS: broker-1:9092,broker-2:9092\n", "kind: ClusterRoleBinding")
                .doesNotContain("kind: CustomResourceDefinition");
        assertThat(run.out().split("\nkind: Deployment\n", -1)).hasSize(SluiceService.ALL.size() + 1);
    }

    @Test
    void badInputIsRefusedWithTheReason() throws Exception {
        CliRun badKafka = sluice("install", "--export", "--kafka-bootstrap", "kafka");
        assertThat(badKafka.code()).isEqualTo(2);
        assertThat(badKafka.err()).contains("--kafka-bootstrap takes HOST:PORT");

        Path kubeconfig = dir.resolve("unreachable");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "http://127.0.0.1:%d"}}]
                contexts: [{name: c, context: {cluster: c, user: u}}]
                users: [{name: u, user: {}}]
                current-context: c
                """.formatted(LoopbackPorts.free()));
        CliRun unreachable = sluice("install", "--kubeconfig", kubeconfig.toString());
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).contains("✗ Cannot reach the Kubernetes API at http://127.0.0.1:", "to install the CRDs");

        CliRun noCheckout = CliRun.of("install", "--export", "--home", dir.toString());
        assertThat(noCheckout.code()).isEqualTo(1);
        assertThat(noCheckout.err()).contains("✗ No examples/quickstart folder in " + dir);
    }
}
