package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Pins down what the in-memory API server does NOT do like a real one, claim by claim, as listed in
 * docs/sandbox.md ("What the sandbox API server does not reproduce"). If a change to the sandbox closes
 * one of these gaps, its test fails: update the doc and the test together. (What it does reproduce:
 * {@link ServerSideApplyTest}, {@link SandboxApiBehaviourTest}, {@link SandboxClusterTest}.)
 */
class SandboxClusterGapsTest {

    private static SandboxCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static ConfigMap configMap(String namespace, String name, Map<String, String> labels, Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withNamespace(namespace).withName(name).withLabels(labels)
                .endMetadata().withData(data).build();
    }

    private static int statusCode(Executable call) {
        try {
            call.execute();
        } catch (KubernetesClientException e) {
            return e.getCode();
        } catch (Throwable e) {
            throw new AssertionError("expected a KubernetesClientException, got " + e, e);
        }
        throw new AssertionError("expected the call to fail");
    }

    private static List<String> names(List<? extends HasMetadata> items) {
        return items.stream().map(i -> i.getMetadata().getName()).sorted().toList();
    }

    @Test
    void fieldSelectorsAcceptAnyFieldPath() {
        client.resource(new NamespaceBuilder().withNewMetadata().withName("fields").endMetadata().build()).create();
        client.resource(configMap("fields", "one", Map.of(), Map.of("k", "v"))).create();
        client.resource(configMap("fields", "two", Map.of(), Map.of())).create();

        assertThat(names(client.configMaps().inNamespace("fields").withField("metadata.name", "one").list().getItems()))
                .containsExactly("one");
        assertThat(names(client.configMaps().inNamespace("fields").withoutField("metadata.name", "one").list().getItems()))
                .containsExactly("two");
        assertThat(names(client.configMaps().inAnyNamespace().withField("metadata.namespace", "fields").list().getItems()))
                .containsExactly("one", "two");
        // A real server answers 400 for a field it does not index (ConfigMaps: only metadata.*); the sandbox looks it up.
        assertThat(names(client.configMaps().inNamespace("fields").withField("data.k", "v").list().getItems()))
                .containsExactly("one");
    }

    @Test
    void objectsInMissingNamespacesOrOfUnregisteredKindsAreAccepted() {
        // An object in a namespace that does not exist: a real server says 404.
        assertThat(client.resource(configMap("no-such-namespace", "orphan", Map.of(), Map.of())).create()).isNotNull();

        // A custom resource whose CRD was never registered: a real server says 404.
        ResourceDefinitionContext unregistered = new ResourceDefinitionContext.Builder().withGroup("nope.example.io")
                .withVersion("v1").withKind("Thing").withPlural("things").withNamespaced(true).build();
        assertThat(client.genericKubernetesResources(unregistered).inNamespace("default")
                .resource(new GenericKubernetesResourceBuilder().withApiVersion("nope.example.io/v1").withKind("Thing")
                        .withNewMetadata().withName("thing").endMetadata().build()).create()).isNotNull();
    }

    @Test
    void noKubeletSoPodsStayPendingAndDeploymentsNeverBecomeAvailable() {
        client.resource(deployment("web")).create();
        Deployment stored = client.apps().deployments().inNamespace("default").withName("web")
                .waitUntilCondition(d -> d.getStatus() != null && d.getStatus().getConditions() != null
                        && d.getStatus().getReplicas() != null, 20, java.util.concurrent.TimeUnit.SECONDS);
        // A real cluster's kubelet would run the pods and the Deployment would become Available.
        assertThat(stored.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Available");
            assertThat(c.getStatus()).isEqualTo("False");
        });
        assertThat(stored.getStatus().getAvailableReplicas()).isNull();
        assertThat(client.pods().inNamespace("default").withLabel("app", "web").list().getItems())
                .hasSize(2).allSatisfy(pod -> assertThat(pod.getStatus().getPhase()).isEqualTo("Pending"));
    }

    @Test
    void noAuthenticationAuthorizationOrImpersonation() {
        try (KubernetesClient stranger = new KubernetesClientBuilder().withConfig(new ConfigBuilder(cluster.config())
                .withOauthToken("not-a-real-token").withImpersonateUsername("nobody").build()).build()) {
            assertThat(stranger.resource(configMap("default", "anyone-can-write", Map.of(), Map.of())).create()).isNotNull();
        }
        assertThat(statusCode(() -> client.authorization().v1().selfSubjectAccessReview().create(
                new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
                        .withVerb("delete").withResource("pods").endResourceAttributes().endSpec().build())))
                .isEqualTo(422);
    }

    @Test
    void finalizersAreHonoured() {
        client.resource(new ConfigMapBuilder().withNewMetadata().withNamespace("default").withName("finalized")
                .withFinalizers("sluice.io/finalizer").endMetadata().build()).create();
        client.configMaps().inNamespace("default").withName("finalized").delete();
        ConfigMap terminating = client.configMaps().inNamespace("default").withName("finalized").get();
        assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotBlank();

        terminating.getMetadata().setFinalizers(List.of());
        client.resource(terminating).update();
        assertThat(client.configMaps().inNamespace("default").withName("finalized").get()).isNull();
    }

    @Test
    void foregroundDeletionRemovesTheOwnerFirst() {
        // A real server keeps the owner (finalizer foregroundDeletion) until its dependents are gone.
        ConfigMap owner = client.resource(configMap("default", "foreground", Map.of(), Map.of())).create();
        client.resource(new SecretBuilder().withNewMetadata().withNamespace("default").withName("foreground-child")
                .addNewOwnerReference().withApiVersion("v1").withKind("ConfigMap").withName("foreground")
                .withUid(owner.getMetadata().getUid()).endOwnerReference().endMetadata().build()).create();
        client.configMaps().inNamespace("default").withName("foreground")
                .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.FOREGROUND).delete();
        assertThat(client.configMaps().inNamespace("default").withName("foreground").get()).isNull();
        assertThat(client.secrets().inNamespace("default").withName("foreground-child").get()).isNull();
    }

    @Test
    void anEmptyNamespaceVanishesAtOnce() {
        // A real namespace shows phase Terminating for a moment even when empty; the sandbox's goes in the same request.
        client.resource(new NamespaceBuilder().withNewMetadata().withName("short-lived").endMetadata().build()).create();
        client.namespaces().withName("short-lived").delete();
        assertThat(client.namespaces().withName("short-lived").get()).isNull();
    }

    @Test
    void listsAreNeverPaginated() throws Exception {
        client.resource(new NamespaceBuilder().withNewMetadata().withName("pages").endMetadata().build()).create();
        client.resource(configMap("pages", "p1", Map.of(), Map.of())).create();
        client.resource(configMap("pages", "p2", Map.of(), Map.of())).create();
        var list = client.configMaps().inNamespace("pages").list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                .withLimit(1L).build());
        assertThat(names(list.getItems())).containsExactly("p1", "p2");
        assertThat(list.getMetadata().getContinue()).isNull();
    }

    @Test
    void watchesWorkOnlyOverWebSockets() throws Exception {
        // kubectl get -w streams a watch over plain HTTP; the sandbox serves watches only as WebSockets (fabric8).
        java.net.http.HttpResponse<String> plain = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(cluster.masterUrl()
                        + "/api/v1/namespaces/default/configmaps?watch=true")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(500);
    }

    private static Deployment deployment(String name) {
        return new DeploymentBuilder().withNewMetadata().withNamespace("default").withName(name).endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().addNewContainer().withName(name).withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }
}
