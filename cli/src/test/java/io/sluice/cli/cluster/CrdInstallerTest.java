package io.sluice.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.meta.FluxKinds;
import io.sluice.api.source.GitRepository;
import io.sluice.sandbox.cluster.SandboxCluster;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Sluice's CRDs installed into a cluster that lacks them, as {@code sluice up --kubeconfig} does before anything else. */
class CrdInstallerTest {

    private static final List<String> NAMES = FluxKinds.ALL.stream().map(FluxKinds::crdName).toList();

    @Test
    void everyCrdIsAppliedAndServedAndAppliedAgainChangesNothing() {
        try (SandboxCluster sandbox = SandboxCluster.start()) {
            KubernetesClient client = sandbox.client();
            // a cluster without Sluice: the sandbox starts with every CRD of deploy/crds (Flagger's too), so they go first
            client.apiextensions().v1().customResourceDefinitions().delete();
            assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems()).isEmpty();

            List<String> installed = new CrdInstaller(client).install(Duration.ofSeconds(30));

            assertThat(installed).containsExactlyElementsOf(NAMES);
            assertThat(client.resources(GitRepository.class).inNamespace("flux-system").list().getItems())
                    .as("the kind is served").isEmpty();
            Map<String, String> versions = versions(client);
            CustomResourceDefinition kustomizations = client.apiextensions().v1().customResourceDefinitions()
                    .withName("kustomizations.kustomize.toolkit.fluxcd.io").get();
            assertThat(kustomizations.getMetadata().getManagedFields())
                    .anySatisfy(entry -> assertThat(List.of(entry.getManager(), entry.getOperation()))
                            .containsExactly(CrdInstaller.FIELD_MANAGER, "Apply"));

            new CrdInstaller(client).install(Duration.ofSeconds(30));

            assertThat(versions(client)).as("resourceVersions after installing again").isEqualTo(versions);
        }
    }

    @Test
    void aClusterThatRefusesCrdsSaysWhoMayInstallThem() throws Exception {
        // RBAC's answer to a user who may not create CRDs, as a real API server words it
        String forbidden = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                + "\"customresourcedefinitions.apiextensions.k8s.io \\\"gitrepositories.source.toolkit.fluxcd.io\\\" is forbidden:"
                + " User \\\"dev\\\" cannot patch resource \\\"customresourcedefinitions\\\" in API group"
                + " \\\"apiextensions.k8s.io\\\" at the cluster scope\",\"reason\":\"Forbidden\",\"details\":{},\"code\":403}";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = forbidden.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(403, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .withRequestRetryBackoffLimit(0).build();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            assertThatThrownBy(() -> new CrdInstaller(client).install(Duration.ofSeconds(5)))
                    .isInstanceOf(KubernetesClientException.class)
                    .hasMessageContaining("refused CRD gitrepositories.source.toolkit.fluxcd.io")
                    .hasMessageContaining("User \"dev\" cannot patch resource \"customresourcedefinitions\"")
                    .hasMessageContaining("(HTTP 403)")
                    .hasMessageContaining("'kubectl apply -k deploy/crds'");
        } finally {
            server.stop(0);
        }
    }

    private static Map<String, String> versions(KubernetesClient client) {
        return client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                .collect(Collectors.toMap(crd -> crd.getMetadata().getName(), crd -> crd.getMetadata().getResourceVersion()));
    }
}
