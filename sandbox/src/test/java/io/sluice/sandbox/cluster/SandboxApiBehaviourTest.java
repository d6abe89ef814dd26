package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API-server behaviour the sandbox reproduces beyond plain storage: patch semantics, dry run, garbage
 * collection, namespace deletion, set-based selectors, CRD status. (Server-side apply: {@link ServerSideApplyTest}.)
 */
class SandboxApiBehaviourTest {

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

    private static void namespace(String name) {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    }

    private static ConfigMap configMap(String namespace, String name, Map<String, String> labels, Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withNamespace(namespace).withName(name).withLabels(labels)
                .endMetadata().withData(data).build();
    }

    private static List<String> names(List<? extends HasMetadata> items) {
        return items.stream().map(i -> i.getMetadata().getName()).sorted().toList();
    }

    private static OwnerReference ownerOf(HasMetadata owner) {
        return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).build();
    }

    private static Secret secret(String namespace, String name, OwnerReference... owners) {
        return new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(name).withOwnerReferences(owners)
                .endMetadata().build();
    }

    @Test
    void mergePatchNullDeletesTheField() {
        client.resource(configMap("default", "merge-null", Map.of("keep", "me"), Map.of("a", "1", "b", "2"))).create();
        ConfigMap patched = client.configMaps().inNamespace("default").withName("merge-null")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"b\":null,\"c\":\"3\"},\"metadata\":{\"labels\":null}}");
        assertThat(patched.getData()).containsOnlyKeys("a", "c");
        assertThat(patched.getMetadata().getLabels()).isNullOrEmpty();
        assertThat(client.configMaps().inNamespace("default").withName("merge-null").get().getData())
                .containsOnlyKeys("a", "c");
    }

    @Test
    void strategicMergePatchMergesContainersByNameAndHonoursDeleteDirectives() {
        client.resource(new DeploymentBuilder().withNewMetadata().withNamespace("default").withName("smp").endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(Map.of("app", "smp")).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "smp")).endMetadata().withNewSpec()
                .addNewContainer().withName("web").withImage("nginx:1").addNewEnv().withName("A").withValue("1").endEnv()
                .endContainer().addNewContainer().withName("old").withImage("busybox").endContainer()
                .endSpec().endTemplate().endSpec().build()).create();

        Deployment patched = client.apps().deployments().inNamespace("default").withName("smp").patch(
                PatchContext.of(PatchType.STRATEGIC_MERGE), """
                {"spec":{"template":{"spec":{"containers":[
                  {"name":"web","image":"nginx:2","env":[{"name":"B","value":"2"}]},
                  {"name":"old","$patch":"delete"},
                  {"name":"new","image":"alpine"}]}}}}
                """);
        List<Container> containers = patched.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).extracting(Container::getName).containsExactly("web", "new");
        assertThat(containers.get(0).getImage()).isEqualTo("nginx:2");
        // as on a real server, the patch's items come first, then the items only the live list had
        assertThat(containers.get(0).getEnv()).extracting(e -> e.getName()).containsExactly("B", "A");
        assertThat(patched.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void dryRunWritesNothingOnCreateUpdatePatchAndDelete() {
        ConfigMap wouldBe = client.resource(configMap("default", "dry", Map.of(), Map.of("a", "1"))).dryRun().create();
        assertThat(wouldBe.getMetadata().getUid()).isNotBlank();
        assertThat(client.configMaps().inNamespace("default").withName("dry").get()).isNull();

        ConfigMap real = client.resource(configMap("default", "dry", Map.of(), Map.of("a", "1"))).create();
        real.getData().put("a", "2");
        assertThat(client.resource(real).dryRun().update().getData()).containsEntry("a", "2");
        assertThat(client.configMaps().inNamespace("default").withName("dry").dryRun()
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"a\":\"3\"}}").getData()).containsEntry("a", "3");
        client.configMaps().inNamespace("default").withName("dry").dryRun().delete();

        ConfigMap stored = client.configMaps().inNamespace("default").withName("dry").get();
        assertThat(stored.getData()).containsEntry("a", "1");
        assertThat(stored.getMetadata().getResourceVersion()).isEqualTo(real.getMetadata().getResourceVersion());
    }

    @Test
    void deletingAnOwnerDeletesItsDependentsInCascade() {
        ConfigMap owner = client.resource(configMap("default", "owner", Map.of(), Map.of())).create();
        Secret child = client.resource(secret("default", "child", ownerOf(owner))).create();
        client.resource(secret("default", "grandchild", ownerOf(child))).create();
        ConfigMap other = client.resource(configMap("default", "other-owner", Map.of(), Map.of())).create();
        client.resource(secret("default", "shared", ownerOf(owner), ownerOf(other))).create();

        client.resource(owner).delete();

        assertThat(client.secrets().inNamespace("default").withName("child").get()).isNull();
        assertThat(client.secrets().inNamespace("default").withName("grandchild").get()).isNull();
        Secret shared = client.secrets().inNamespace("default").withName("shared").get();
        assertThat(shared).as("another owner still lives").isNotNull();
        assertThat(shared.getMetadata().getOwnerReferences()).extracting(OwnerReference::getName)
                .containsExactly("other-owner");
    }

    @Test
    void orphanDeletionKeepsDependentsAndDropsTheirReference() {
        ConfigMap owner = client.resource(configMap("default", "orphaner", Map.of(), Map.of())).create();
        client.resource(secret("default", "orphan", ownerOf(owner))).create();
        client.configMaps().inNamespace("default").withName("orphaner").withPropagationPolicy(DeletionPropagation.ORPHAN)
                .delete();
        Secret orphan = client.secrets().inNamespace("default").withName("orphan").get();
        assertThat(orphan).isNotNull();
        assertThat(orphan.getMetadata().getOwnerReferences()).isEmpty();
    }

    @Test
    void aDependentWithAFinalizerWaitsForIt() {
        ConfigMap owner = client.resource(configMap("default", "finalized-owner", Map.of(), Map.of())).create();
        Secret held = secret("default", "held", ownerOf(owner));
        held.getMetadata().setFinalizers(List.of("sluice.io/hold"));
        client.resource(held).create();
        client.resource(owner).delete();

        Secret terminating = client.secrets().inNamespace("default").withName("held").get();
        assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotBlank();
        client.secrets().inNamespace("default").withName("held").edit(s -> {
            s.getMetadata().setFinalizers(List.of());
            return s;
        });
        assertThat(client.secrets().inNamespace("default").withName("held").get()).isNull();
    }

    @Test
    void deletingANamespaceDeletesEverythingInIt() {
        namespace("doomed");
        client.resource(configMap("doomed", "inside", Map.of(), Map.of())).create();
        client.resource(secret("doomed", "also-inside")).create();
        client.resource(configMap("default", "outside", Map.of(), Map.of())).create();

        client.namespaces().withName("doomed").delete();

        // as on a real cluster, the namespace controller empties and removes it a moment later
        await().atMost(Duration.ofSeconds(10)).until(() -> client.namespaces().withName("doomed").get() == null);
        assertThat(client.configMaps().inNamespace("doomed").list().getItems()).isEmpty();
        assertThat(client.secrets().inNamespace("doomed").list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace("default").withName("outside").get()).isNotNull();
    }

    @Test
    void aNamespaceStaysTerminatingWhileAnObjectInItHasAFinalizer() throws InterruptedException {
        namespace("lingering");
        ConfigMap held = configMap("lingering", "held", Map.of(), Map.of());
        held.getMetadata().setFinalizers(List.of("sluice.io/hold"));
        client.resource(held).create();

        client.namespaces().withName("lingering").delete();
        Namespace terminating = client.namespaces().withName("lingering").get();
        assertThat(terminating.getStatus().getPhase()).isEqualTo("Terminating");
        assertThatThrownBy(() -> client.resource(configMap("lingering", "late", Map.of(), Map.of())).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("because it is being terminated");
                });

        await().atMost(Duration.ofSeconds(10)).until(() -> client.configMaps().inNamespace("lingering")
                .withName("held").get().getMetadata().getDeletionTimestamp() != null);
        Thread.sleep(1_500); // past the time a namespace stays Terminating at least
        assertThat(client.namespaces().withName("lingering").get().getStatus().getPhase()).isEqualTo("Terminating");

        client.configMaps().inNamespace("lingering").withName("held").edit(cm -> {
            cm.getMetadata().setFinalizers(List.of());
            return cm;
        });
        assertThat(client.namespaces().withName("lingering").get()).isNull();
    }

    @Test
    void setBasedLabelSelectorsFilterLists() {
        namespace("selectors");
        client.resource(configMap("selectors", "a", Map.of("app", "a", "tier", "front"), Map.of())).create();
        client.resource(configMap("selectors", "b", Map.of("app", "b"), Map.of())).create();
        client.resource(configMap("selectors", "plain", Map.of(), Map.of())).create();
        client.configMaps().inNamespace("selectors").withName("kube-root-ca.crt").delete(); // in every namespace
        var configMaps = client.configMaps().inNamespace("selectors");

        assertThat(names(configMaps.withLabelIn("app", "a", "b").list().getItems())).containsExactly("a", "b");
        assertThat(names(configMaps.withLabelIn("app", "nothing").list().getItems())).isEmpty();
        assertThat(names(configMaps.withLabelNotIn("app", "a").list().getItems())).containsExactly("b", "plain");
        assertThat(names(configMaps.withLabelSelector(new LabelSelectorBuilder()
                .withMatchLabels(Map.of("tier", "front"))
                .addNewMatchExpression().withKey("app").withOperator("In").withValues("a", "c").endMatchExpression()
                .addNewMatchExpression().withKey("missing").withOperator("DoesNotExist").endMatchExpression()
                .build()).list().getItems())).containsExactly("a");
        assertThat(names(configMaps.withLabelSelector(new LabelSelectorBuilder().addNewMatchExpression()
                .withKey("app").withOperator("Exists").endMatchExpression().build()).list().getItems()))
                .containsExactly("a", "b");
        assertThat(names(configMaps.withLabel("app").list().getItems())).containsExactly("a", "b");
        assertThat(names(configMaps.withoutLabel("app").list().getItems())).containsExactly("plain");
        assertThat(names(configMaps.withLabelNotIn("app", "a").withoutLabel("tier").list().getItems()))
                .containsExactly("b", "plain");
    }

    @Test
    void aMalformedLabelSelectorIsABadRequest() {
        assertThatThrownBy(() -> client.configMaps().inNamespace("default").withLabelSelector("app in (a").list())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(400));
    }

    @Test
    void setBasedSelectorsFilterWatchesAndAnObjectLeavingTheSelectionIsDeleted() throws Exception {
        namespace("watched");
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Watch watch = client.configMaps().inNamespace("watched").withLabelIn("app", "a", "b")
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap resource) {
                        events.add(action + " " + resource.getMetadata().getName());
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                })) {
            client.resource(configMap("watched", "ignored", Map.of("app", "z"), Map.of())).create();
            client.resource(configMap("watched", "seen", Map.of("app", "a"), Map.of())).create();
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("ADDED seen");
            client.configMaps().inNamespace("watched").withName("seen").edit(cm -> {
                cm.getMetadata().getLabels().put("app", "z");
                return cm;
            });
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("DELETED seen");
            client.configMaps().inNamespace("watched").withName("ignored").edit(cm -> {
                cm.getMetadata().getLabels().put("app", "b");
                return cm;
            });
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("ADDED ignored");
        }
    }

    @Test
    void aWatchFromAResourceVersionGetsOnlyLaterChanges() throws Exception {
        namespace("resumed");
        client.resource(configMap("resumed", "before", Map.of(), Map.of())).create();
        String version = client.configMaps().inNamespace("resumed").list().getMetadata().getResourceVersion();
        client.resource(configMap("resumed", "after", Map.of(), Map.of())).create();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Watch watch = client.configMaps().inNamespace("resumed").watch(
                new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withResourceVersion(version).build(),
                new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap resource) {
                        events.add(action + " " + resource.getMetadata().getName());
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                })) {
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("ADDED after");
            client.configMaps().inNamespace("resumed").withName("before").delete();
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("DELETED before");
            assertThat(events).isEmpty();
        }
    }

    @Test
    void crdsAreEstablishedBeforeRegistrationReturnsAndDeletingOneDeletesItsObjects() {
        cluster.registerCustomResourceDefinitions(new java.io.ByteArrayInputStream("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: gadgets.test.sluice.io
                spec:
                  group: test.sluice.io
                  names: {kind: Gadget, plural: gadgets, singular: gadget}
                  scope: Namespaced
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
                .withName("gadgets.test.sluice.io").get();
        assertThat(crd.getStatus().getConditions()).extracting(c -> c.getType() + "=" + c.getStatus())
                .contains("Established=True", "NamesAccepted=True");
        assertThat(crd.getStatus().getStoredVersions()).containsExactly("v1");

        var gadgets = client.genericKubernetesResources("test.sluice.io/v1", "Gadget");
        gadgets.inNamespace("default").resource(new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                .withApiVersion("test.sluice.io/v1").withKind("Gadget").withNewMetadata().withName("g").endMetadata()
                .build()).create();
        client.apiextensions().v1().customResourceDefinitions().withName("gadgets.test.sluice.io").delete();
        assertThat(client.apiextensions().v1().customResourceDefinitions().withName("gadgets.test.sluice.io").get())
                .as("its custom resources deleted, the CRD's cleanup finalizer is gone and so is the CRD").isNull();
        assertThatThrownBy(() -> client.genericKubernetesResources(new io.fabric8.kubernetes.client.dsl.base
                .ResourceDefinitionContext.Builder().withGroup("test.sluice.io").withVersion("v1").withKind("Gadget")
                .withPlural("gadgets").withNamespaced(true).build()).inNamespace("default").list())
                .as("the kind is no longer served").isInstanceOfSatisfying(KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void invalidNamesAreRejectedAsOnARealServer() {
        assertThatThrownBy(() -> client.resource(configMap("default", "Bad_Name", Map.of(), Map.of())).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getMessage()).startsWith("ConfigMap \"Bad_Name\" is invalid: metadata.name: "
                            + "Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain");
                });
        assertThatThrownBy(() -> client.resource(configMap("default", "Bad_Name", Map.of(), Map.of())).dryRun()
                .patch(PatchContext.of(PatchType.SERVER_SIDE_APPLY)))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422));
        assertThatThrownBy(() -> namespace("has.dots"))
                .as("namespaces are DNS labels").isInstanceOfSatisfying(KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(422));
        assertThat(client.configMaps().inNamespace("default").withName("Bad_Name").get()).isNull();
    }

    @Test
    void immutableFieldsRefuseChangesSoDryRunsFailWithoutWriting() {
        Deployment web = deployment("immutable", "a");
        Deployment created = client.resource(web).fieldManager("sluice").forceConflicts().serverSideApply();
        web.getSpec().getSelector().setMatchLabels(Map.of("app", "b"));
        web.getSpec().getTemplate().getMetadata().setLabels(Map.of("app", "b"));

        assertThatThrownBy(() -> client.resource(web).dryRun().patch(new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY).withFieldManager("sluice").withForce(true).build()))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getMessage()).isEqualTo("Deployment.apps \"immutable\" is invalid: spec.selector: "
                            + "Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"b\"}, "
                            + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable");
                });
        assertThatThrownBy(() -> client.resource(web).fieldManager("sluice").forceConflicts().serverSideApply())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422));
        // nothing written (the deployment controller writes status meanwhile, so the resourceVersion may move)
        Deployment stored = client.apps().deployments().inNamespace("default").withName("immutable").get();
        assertThat(stored.getSpec().getSelector().getMatchLabels()).containsExactly(Map.entry("app", "a"));
        assertThat(stored.getMetadata().getGeneration()).isEqualTo(created.getMetadata().getGeneration());

        ConfigMap frozen = configMap("default", "frozen", Map.of(), Map.of("a", "1"));
        frozen.setImmutable(true);
        client.resource(frozen).create();
        assertThatThrownBy(() -> client.configMaps().inNamespace("default").withName("frozen")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"a\":\"2\"}}"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getStatus().getMessage())
                        .contains("data: Forbidden: field is immutable when `immutable` is set"));
    }

    @Test
    void generatedNamesAndUidsAreRandomLikeARealServers() {
        ConfigMap generated = client.resource(new ConfigMapBuilder().withNewMetadata().withNamespace("default")
                .withGenerateName("app-").endMetadata().build()).create();
        assertThat(generated.getMetadata().getName()).matches("app-[bcdfghjklmnpqrstvwxz2456789]{5}");
        assertThat(generated.getMetadata().getUid()).doesNotStartWith("00000000-0000-0000");
    }

    @Test
    void updatesRecordTheWriterInManagedFields() {
        ConfigMap created = client.resource(configMap("default", "tracked", Map.of(), Map.of("a", "1"))).create();
        assertThat(created.getMetadata().getManagedFields()).singleElement().satisfies(entry -> {
            assertThat(entry.getManager()).isEqualTo("fabric8-kubernetes-client");
            assertThat(entry.getOperation()).isEqualTo("Update");
        });
        ConfigMap updated = client.configMaps().inNamespace("default").withName("tracked")
                .patch(new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager("editor").build(),
                        "{\"data\":{\"b\":\"2\"}}");
        assertThat(updated.getMetadata().getManagedFields()).extracting(e -> e.getManager())
                .containsExactlyInAnyOrder("fabric8-kubernetes-client", "editor");
        assertThat(updated.getMetadata().getManagedFields()).filteredOn(e -> e.getManager().equals("editor"))
                .singleElement().satisfies(entry -> assertThat(client.getKubernetesSerialization()
                        .asJson(entry.getFieldsV1())).isEqualTo("{\"f:data\":{\"f:b\":{}}}"));
    }

    @Test
    void scaleSubresourceReadsAndWritesReplicas() {
        client.resource(deployment("scaled", "scaled")).create();
        client.apps().deployments().inNamespace("default").withName("scaled").scale(4);
        assertThat(client.apps().deployments().inNamespace("default").withName("scaled").get().getSpec().getReplicas())
                .isEqualTo(4);
        assertThat(client.apps().deployments().inNamespace("default").withName("scaled").scale().getSpec().getReplicas())
                .isEqualTo(4);
    }

    /** A Deployment a real server accepts: selector, matching template labels, one container. */
    private static Deployment deployment(String name, String app) {
        return new DeploymentBuilder().withNewMetadata().withNamespace("default").withName(name).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(Map.of("app", app)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", app)).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }
}
