package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Pins down what the in-memory API server does NOT do like a real one, claim by claim, as listed in
 * docs/sandbox.md ("What the sandbox API server does not reproduce"). If a fabric8 upgrade fixes one of
 * these, its test fails: update the doc and the test together.
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
    void serverSideApplyIsNotSupported() {
        ConfigMap cm = configMap("default", "ssa", Map.of(), Map.of("a", "1"));
        assertThat(statusCode(() -> client.resource(cm).fieldManager("sluice").forceConflicts().serverSideApply()))
                .as("apply of a missing object").isEqualTo(404);
        client.resource(cm).create();
        assertThat(statusCode(() -> client.resource(cm).fieldManager("sluice").forceConflicts().serverSideApply()))
                .as("apply of an existing object").isEqualTo(415);
    }

    @Test
    void strategicMergePatchIsNotSupported() {
        client.resource(configMap("default", "smp", Map.of(), Map.of("a", "1"))).create();
        assertThat(statusCode(() -> client.configMaps().inNamespace("default").withName("smp")
                .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"data\":{\"b\":\"2\"}}"))).isEqualTo(415);
    }

    @Test
    void mergePatchKeepsNullsInsteadOfDeletingFields() {
        client.resource(configMap("default", "merge", Map.of(), Map.of("a", "1", "b", "2"))).create();
        client.configMaps().inNamespace("default").withName("merge")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"b\":null}}");
        Map<String, String> data = client.configMaps().inNamespace("default").withName("merge").get().getData();
        assertThat(data).containsKey("b").containsEntry("b", null).containsEntry("a", "1");
    }

    @Test
    void noGarbageCollectionOfOwnedObjects() {
        ConfigMap owner = client.resource(configMap("default", "owner", Map.of(), Map.of())).create();
        client.resource(new SecretBuilder().withNewMetadata().withNamespace("default").withName("owned")
                .addNewOwnerReference().withApiVersion("v1").withKind("ConfigMap").withName("owner")
                .withUid(owner.getMetadata().getUid()).endOwnerReference().endMetadata().build()).create();
        client.resource(owner).delete();
        assertThat(client.secrets().inNamespace("default").withName("owned").get()).isNotNull();
    }

    @Test
    void deletingANamespaceLeavesItsObjects() {
        client.resource(new NamespaceBuilder().withNewMetadata().withName("doomed").endMetadata().build()).create();
        client.resource(configMap("doomed", "left-behind", Map.of(), Map.of())).create();
        client.namespaces().withName("doomed").delete();
        assertThat(client.namespaces().withName("doomed").get()).as("namespace gone at once, no Terminating").isNull();
        assertThat(client.configMaps().inNamespace("doomed").withName("left-behind").get()).isNotNull();
    }

    @Test
    void setBasedLabelSelectorsAreIgnored() {
        client.resource(new NamespaceBuilder().withNewMetadata().withName("selectors").endMetadata().build()).create();
        client.resource(configMap("selectors", "labelled", Map.of("app", "a"), Map.of())).create();
        client.resource(configMap("selectors", "plain", Map.of(), Map.of())).create();
        var configMaps = client.configMaps().inNamespace("selectors");

        assertThat(names(configMaps.withLabelIn("app", "nothing-matches").list().getItems())).containsExactly("labelled", "plain");
        assertThat(names(configMaps.withLabelNotIn("app", "a").list().getItems())).containsExactly("labelled", "plain");
        assertThat(names(configMaps.withLabelSelector(new LabelSelectorBuilder().addNewMatchExpression()
                .withKey("app").withOperator("In").withValues("nothing-matches").endMatchExpression().build())
                .list().getItems())).containsExactly("labelled", "plain");
        // What does work: equality, existence and non-existence.
        assertThat(names(configMaps.withLabel("app", "a").list().getItems())).containsExactly("labelled");
        assertThat(names(configMaps.withLabel("app", "b").list().getItems())).isEmpty();
        assertThat(names(configMaps.withLabel("app").list().getItems())).containsExactly("labelled");
        assertThat(names(configMaps.withoutLabel("app").list().getItems())).containsExactly("plain");
    }

    @Test
    void fieldSelectorsWorkOnlyForMetadataNameAndNamespace() {
        client.resource(new NamespaceBuilder().withNewMetadata().withName("fields").endMetadata().build()).create();
        client.resource(configMap("fields", "one", Map.of(), Map.of("k", "v"))).create();
        client.resource(configMap("fields", "two", Map.of(), Map.of())).create();

        assertThat(names(client.configMaps().inNamespace("fields").withField("metadata.name", "one").list().getItems()))
                .containsExactly("one");
        assertThat(names(client.configMaps().inNamespace("fields").withoutField("metadata.name", "one").list().getItems()))
                .containsExactly("two");
        assertThat(names(client.configMaps().inAnyNamespace().withField("metadata.namespace", "fields").list().getItems()))
                .containsExactly("one", "two");
        // Any other field matches nothing, even where a real server (or the object) would match.
        assertThat(client.configMaps().inNamespace("fields").withField("data.k", "v").list().getItems()).isEmpty();
    }

    @Test
    void noValidationOrDefaultingOrAdmission() {
        // A GitRepository whose interval is a number and which has no url: a real server rejects it (422).
        GenericKubernetesResource invalid = new GenericKubernetesResourceBuilder()
                .withApiVersion("source.toolkit.fluxcd.io/v1").withKind("GitRepository")
                .withNewMetadata().withNamespace("default").withName("invalid").endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("interval", 42, "notAField", true))).build();
        assertThat(client.resource(invalid).create().getMetadata().getUid()).isNotBlank();

        // An object in a namespace that does not exist: a real server says 404.
        assertThat(client.resource(configMap("no-such-namespace", "orphan", Map.of(), Map.of())).create()).isNotNull();

        // A custom resource whose CRD was never registered: a real server says 404.
        ResourceDefinitionContext unregistered = new ResourceDefinitionContext.Builder().withGroup("nope.example.io")
                .withVersion("v1").withKind("Thing").withPlural("things").withNamespaced(true).build();
        assertThat(client.genericKubernetesResources(unregistered).inNamespace("default")
                .resource(new GenericKubernetesResourceBuilder().withApiVersion("nope.example.io/v1").withKind("Thing")
                        .withNewMetadata().withName("thing").endMetadata().build()).create()).isNotNull();

        // No defaulting: a real server fills in spec.strategy (RollingUpdate) and more.
        Deployment created = client.resource(deployment("defaults")).create();
        assertThat(created.getSpec().getStrategy()).isNull();
        assertThat(created.getSpec().getRevisionHistoryLimit()).isNull();
    }

    @Test
    void dryRunStoresTheObject() {
        client.resource(configMap("default", "dry", Map.of(), Map.of())).dryRun().create();
        assertThat(client.configMaps().inNamespace("default").withName("dry").get()).isNotNull();
    }

    @Test
    void noPodsRunSoDeploymentsNeverBecomeAvailable() throws Exception {
        client.resource(deployment("web")).create();
        Thread.sleep(500);
        Deployment stored = client.apps().deployments().inNamespace("default").withName("web").get();
        assertThat(stored.getStatus()).isNull();
        assertThat(client.apps().replicaSets().inNamespace("default").list().getItems()).isEmpty();
        assertThat(client.pods().inNamespace("default").list().getItems()).isEmpty();
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

    private static Deployment deployment(String name) {
        return new DeploymentBuilder().withNewMetadata().withNamespace("default").withName(name).endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata()
                .withNewSpec().addNewContainer().withName(name).withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }
}
