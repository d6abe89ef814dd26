package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositorySpec;
import io.sluice.api.source.GitRepositoryStatus;
import io.sluice.sandbox.PortInUseException;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxClusterTest {

    private static SandboxCluster cluster;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static MixedOperation<GitRepository, KubernetesResourceList<GitRepository>, Resource<GitRepository>> gitRepositories() {
        return cluster.client().resources(GitRepository.class);
    }

    private static GitRepository gitRepository(String name, String url) {
        GitRepository repo = new GitRepository();
        repo.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("flux-system").build());
        GitRepositorySpec spec = new GitRepositorySpec();
        spec.setUrl(url);
        spec.setInterval("1m");
        repo.setSpec(spec);
        return repo;
    }

    @Test
    void registersEverySluiceCrdFromTheClassPathAndTheStartingNamespaces() {
        assertThat(cluster.customResourceDefinitions()).contains(
                "gitrepositories.source.toolkit.fluxcd.io",
                "kustomizations.kustomize.toolkit.fluxcd.io",
                "helmreleases.helm.toolkit.fluxcd.io");
        assertThat(cluster.client().apiextensions().v1().customResourceDefinitions().list().getItems())
                .extracting(crd -> crd.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(cluster.customResourceDefinitions());
        assertThat(cluster.client().namespaces().list().getItems())
                .extracting(ns -> ns.getMetadata().getName())
                .contains("default", "flux-system");
    }

    @Test
    void discoveryListsTheRegisteredCustomResources() {
        List<APIResource> resources = cluster.client().getApiResources(GitRepository.API_VERSION).getResources();
        assertThat(resources).extracting(APIResource::getName).contains("gitrepositories");
        assertThat(resources).filteredOn(r -> r.getName().equals("gitrepositories"))
                .extracting(APIResource::getKind, APIResource::getNamespaced)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GitRepository", true));
    }

    @Test
    void answersVersionAndDiscoveryLikeARealServer() throws Exception {
        assertThat(cluster.client().getKubernetesVersion().getGitVersion()).isEqualTo("v1.28.7");
        assertThat(cluster.client().getKubernetesVersion().getPlatform()).contains("sandbox");
        assertThat(cluster.client().getApiGroups().getGroups()).extracting(g -> g.getName())
                .contains("apps", "apiextensions.k8s.io", "source.toolkit.fluxcd.io", "kustomize.toolkit.fluxcd.io");
        assertThat(cluster.client().getApiResources("v1").getResources()).extracting(APIResource::getName)
                .contains("namespaces", "configmaps", "secrets");
        assertThat(cluster.client().getApiResources("apps/v1").getResources()).extracting(APIResource::getName)
                .contains("deployments");
        assertThat(cluster.client().getApiResources(GitRepository.API_VERSION).getResources())
                .filteredOn(r -> r.getName().equals("gitrepositories"))
                .singleElement().satisfies(r -> {
                    assertThat(r.getShortNames()).containsExactly("gitrepo");
                    assertThat(r.getVerbs()).contains("list", "watch", "create");
                });
        assertThat(cluster.client().getApiResources("nope.example.io/v1")).as("unknown group version").isNull();
        HttpClient http = HttpClient.newBuilder().sslContext(cluster.sslContext()).build();
        assertThat(get(http, "/openapi/v2").statusCode()).isEqualTo(404);
        HttpResponse<String> index = get(http, "/openapi/v3");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("\"apis/apps/v1\":{\"serverRelativeURL\":\"/openapi/v3/apis/apps/v1?hash=sandbox\"}")
                .contains("apis/source.toolkit.fluxcd.io/v1");
        HttpResponse<String> apps = get(http, "/openapi/v3/apis/apps/v1");
        assertThat(apps.statusCode()).isEqualTo(200);
        assertThat(apps.body()).contains("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")
                .contains("\"name\":\"fieldValidation\"")
                .contains("\"x-kubernetes-group-version-kind\":{\"group\":\"apps\",\"version\":\"v1\",\"kind\":\"Deployment\"}");
        assertThat(get(http, "/openapi/v3/apis/nope.example.io/v1").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cluster.masterUrl() + path))
                        .header("Authorization", "Bearer " + cluster.token()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createGetListUpdateStatusAndDeleteAGitRepositoryWhileAnInformerWatches() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        SharedIndexInformer<GitRepository> informer = gitRepositories().inNamespace("flux-system").inform(
                new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(GitRepository obj) {
                        events.add("ADDED " + obj.getMetadata().getName());
                    }

                    @Override
                    public void onUpdate(GitRepository oldObj, GitRepository newObj) {
                        events.add("MODIFIED " + newObj.getMetadata().getName());
                    }

                    @Override
                    public void onDelete(GitRepository obj, boolean deletedFinalStateUnknown) {
                        events.add("DELETED " + obj.getMetadata().getName());
                    }
                });
        try {
            GitRepository toCreate = gitRepository("podinfo", "http://127.0.0.1/git/podinfo.git");
            toCreate.setStatus(new GitRepositoryStatus());
            toCreate.getStatus().setObservedGeneration(99L);
            GitRepository created = gitRepositories().resource(toCreate).create();
            assertThat(created.getStatus()).as("status is dropped on create").isNull();
            assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
            assertThat(created.getMetadata().getUid()).isNotBlank();
            assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("ADDED podinfo");

            GitRepository fetched = gitRepositories().inNamespace("flux-system").withName("podinfo").get();
            assertThat(fetched.getSpec().getUrl()).isEqualTo("http://127.0.0.1/git/podinfo.git");
            assertThat(gitRepositories().inNamespace("flux-system").list().getItems())
                    .extracting(r -> r.getMetadata().getName()).containsExactly("podinfo");
            assertThat(gitRepositories().inNamespace("default").list().getItems()).isEmpty();

            // Status goes through the status subresource and does not bump the generation.
            GitRepositoryStatus status = new GitRepositoryStatus();
            status.setObservedGeneration(1L);
            status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("True")
                    .withReason("Succeeded").withMessage("stored artifact").withObservedGeneration(1L)
                    .withLastTransitionTime("2026-11-27T00:00:00Z").build()));
            fetched.setStatus(status);
            GitRepository withStatus = gitRepositories().resource(fetched).updateStatus();
            assertThat(withStatus.getStatus().getConditions()).extracting("type", "status")
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Ready", "True"));
            assertThat(withStatus.getMetadata().getGeneration()).isEqualTo(1L);
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("MODIFIED podinfo");

            // A spec change bumps the generation and keeps the status.
            GitRepository edited = gitRepositories().inNamespace("flux-system").withName("podinfo")
                    .edit(r -> {
                        r.getSpec().setInterval("5m");
                        return r;
                    });
            assertThat(edited.getMetadata().getGeneration()).isEqualTo(2L);
            assertThat(edited.getStatus().getObservedGeneration()).isEqualTo(1L);
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("MODIFIED podinfo");

            // Status written through the main resource is ignored, as on a real server.
            edited.getStatus().setObservedGeneration(42L);
            edited.getSpec().setInterval("10m");
            GitRepository updated = gitRepositories().resource(edited).update();
            assertThat(updated.getStatus().getObservedGeneration()).isEqualTo(1L);
            assertThat(updated.getSpec().getInterval()).isEqualTo("10m");
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("MODIFIED podinfo");

            assertThat(gitRepositories().inNamespace("flux-system").withName("podinfo").delete()).hasSize(1);
            assertThat(gitRepositories().inNamespace("flux-system").withName("podinfo").get()).isNull();
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("DELETED podinfo");
        } finally {
            informer.close();
        }
    }

    @Test
    void staleResourceVersionIsRejectedWithConflict() {
        GitRepository created = gitRepositories().resource(gitRepository("stale", "http://example.invalid/a.git")).create();
        gitRepositories().inNamespace("flux-system").withName("stale").edit(r -> {
            r.getSpec().setInterval("2m");
            return r;
        });
        created.getSpec().setInterval("3m");
        assertThatThrownBy(() -> gitRepositories().resource(created).update())
                .isInstanceOf(KubernetesClientException.class)
                .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(409));
        gitRepositories().inNamespace("flux-system").withName("stale").delete();
    }

    @Test
    void writtenKubeconfigLetsAnotherClientIn(@TempDir Path dir) throws Exception {
        Path file = cluster.writeKubeconfig(dir.resolve("nested/kubeconfig"));
        String text = Files.readString(file);
        assertThat(text).contains("SANDBOX").contains("current-context: \"sluice-sandbox\"")
                .contains(cluster.masterUrl());

        gitRepositories().resource(gitRepository("seen-by-kubectl", "http://example.invalid/b.git")).create();
        Config config = Config.fromKubeconfig(text);
        assertThat(config.getCurrentContext().getName()).isEqualTo("sluice-sandbox");
        assertThat(config.getNamespace()).isEqualTo("default");
        try (KubernetesClient other = new KubernetesClientBuilder().withConfig(config).build()) {
            assertThat(other.getMasterUrl().toString()).startsWith(cluster.masterUrl());
            assertThat(other.resources(GitRepository.class).inNamespace("flux-system").withName("seen-by-kubectl").get())
                    .isNotNull();
        } finally {
            gitRepositories().inNamespace("flux-system").withName("seen-by-kubectl").delete();
        }
    }

    @Test
    void registersCrdsFromAStreamOnceAndRejectsOtherKinds() {
        String crd = """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.test.sluice.io
                spec:
                  group: test.sluice.io
                  names: {kind: Widget, plural: widgets, singular: widget}
                  scope: Namespaced
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                """;
        assertThat(cluster.registerCustomResourceDefinitions(stream(crd))).containsExactly("widgets.test.sluice.io");
        assertThat(cluster.registerCustomResourceDefinitions(stream(crd))).as("second time skipped").isEmpty();
        assertThat(cluster.client().getApiResources("test.sluice.io/v1").getResources())
                .as("a new CRD shows up in discovery at once").extracting(APIResource::getName).containsExactly("widgets");
        assertThat(cluster.client().apiextensions().v1().customResourceDefinitions().withName("widgets.test.sluice.io").get())
                .isInstanceOf(CustomResourceDefinition.class);

        String configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: not-a-crd\n";
        assertThatThrownBy(() -> cluster.registerCustomResourceDefinitions(stream(configMap)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ConfigMap not-a-crd");
    }

    @Test
    void busyPortFailsFastNamingThePort() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = squatter.getLocalPort();
            assertThatThrownBy(() -> SandboxCluster.start(port))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + port)
                    .hasMessageContaining("Kubernetes API server");
        }
    }

    @Test
    void fixedPortIsUsedAndReleasedOnClose() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        SandboxCluster fixed = SandboxCluster.start(port);
        assertThat(fixed.masterUrl()).isEqualTo("https://127.0.0.1:" + port);
        assertThat(fixed.client().namespaces().withName("flux-system").get()).isNotNull();
        fixed.close();
        fixed.close(); // twice is harmless
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
