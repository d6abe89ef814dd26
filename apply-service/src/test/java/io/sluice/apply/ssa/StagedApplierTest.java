package io.sluice.apply.ssa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;
import io.sluice.sandbox.cluster.RequestCounts;
import io.sluice.sandbox.cluster.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** StagedApplier against the sandbox API server (which speaks server-side apply); one namespace per test. */
class StagedApplierTest {

    private static SandboxCluster cluster;
    private static KubernetesClient client;
    private static StagedApplier applier;

    private String ns;
    private ApplyOptions options;

    @BeforeAll
    static void startCluster() {
        cluster = SandboxCluster.start();
        client = cluster.client();
        applier = new StagedApplier(client);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void namespace(TestInfo test) {
        ns = Fixtures.namespaceFor(test);
        options = ApplyOptions.forKustomization("flux-system", "app").withWaitTimeout(Duration.ofSeconds(10));
    }

    private ChangeSet apply(String fixture) {
        return applier.apply(Fixtures.load(fixture, ns), options);
    }

    private static Map<String, ChangeAction> actions(ChangeSet changes) {
        java.util.LinkedHashMap<String, ChangeAction> map = new java.util.LinkedHashMap<>();
        changes.entries().forEach(e -> map.put(e.objectName(), e.action()));
        return map;
    }

    private String resourceVersion(Class<? extends HasMetadata> type, String name) {
        return client.resources(type).inNamespace(ns).withName(name).get().getMetadata().getResourceVersion();
    }

    @Test
    void firstApplyCreatesEverythingInStagesWithOwnerLabels() {
        ChangeSet changes = apply("app-v1.yaml");

        assertThat(actions(changes)).containsExactly(
                Map.entry("Namespace/" + ns, ChangeAction.CREATED),
                Map.entry("ServiceAccount/" + ns + "/web", ChangeAction.CREATED),
                Map.entry("ConfigMap/" + ns + "/settings", ChangeAction.CREATED),
                Map.entry("Service/" + ns + "/web", ChangeAction.CREATED),
                Map.entry("Deployment/" + ns + "/web", ChangeAction.CREATED));
        Deployment web = client.apps().deployments().inNamespace(ns).withName("web").get();
        assertThat(web.getMetadata().getLabels())
                .containsEntry("kustomize.toolkit.fluxcd.io/name", "app")
                .containsEntry("kustomize.toolkit.fluxcd.io/namespace", "flux-system");
        assertThat(web.getMetadata().getManagedFields()).extracting(m -> m.getManager() + "/" + m.getOperation())
                .containsExactly("sluice/Apply");
        assertThat(client.namespaces().withName(ns).get().getMetadata().getLabels()).containsEntry("kustomize.toolkit.fluxcd.io/name", "app");
    }

    @Test
    void reapplyingTheSameSetWritesNothing() {
        apply("app-v1.yaml");
        String configMapVersion = resourceVersion(ConfigMap.class, "settings");
        String deploymentVersion = resourceVersion(Deployment.class, "web");

        ChangeSet again = apply("app-v1.yaml");

        assertThat(again.entries()).extracting(ChangeSetEntry::action).containsOnly(ChangeAction.UNCHANGED).hasSize(5);
        assertThat(again.changedAnything()).isFalse();
        assertThat(resourceVersion(ConfigMap.class, "settings")).isEqualTo(configMapVersion);
        assertThat(resourceVersion(Deployment.class, "web")).isEqualTo(deploymentVersion);
    }

    @Test
    void changingOneObjectConfiguresOnlyIt() {
        apply("app-v1.yaml");
        String deploymentVersion = resourceVersion(Deployment.class, "web");

        ChangeSet changes = apply("app-v2-configmap-changed.yaml");

        assertThat(changes.entries(ChangeAction.CONFIGURED)).extracting(ChangeSetEntry::objectName).containsExactly("ConfigMap/" + ns + "/settings");
        assertThat(changes.entries(ChangeAction.UNCHANGED)).hasSize(4);
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get().getData()).containsEntry("color", "green");
        assertThat(resourceVersion(Deployment.class, "web")).isEqualTo(deploymentVersion);
    }

    @Test
    void oneInvalidObjectFailsTheRevisionAndChangesNothing() {
        client.resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        String clusterVersion = client.configMaps().inNamespace(ns).list().getMetadata().getResourceVersion();

        assertThatThrownBy(() -> apply("invalid-name.yaml"))
                .isInstanceOfSatisfying(ApplyException.class, e -> {
                    assertThat(e.phase()).isEqualTo(ApplyException.Phase.VALIDATION);
                    assertThat(e.failures()).extracting(f -> f.object().objectName()).containsExactly("ConfigMap/" + ns + "/Bad_Name");
                    assertThat(e.changeSet().entries()).isEmpty();
                })
                .hasMessageContaining("ConfigMap/" + ns + "/Bad_Name")
                .hasMessageContaining("Bad_Name")
                .hasMessageContaining("HTTP 422");

        assertThat(client.configMaps().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.secrets().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace(ns).list().getMetadata().getResourceVersion())
                .as("no write at all in the cluster").isEqualTo(clusterVersion);
    }

    @Test
    void anObjectOfAKindNoCrdDefinesFailsTheRevision() {
        client.resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();

        assertThatThrownBy(() -> apply("unknown-kind.yaml"))
                .isInstanceOfSatisfying(ApplyException.class, e -> assertThat(e.phase()).isEqualTo(ApplyException.Phase.VALIDATION))
                .hasMessageContaining("Thing/" + ns + "/thing: the API server does not serve this apiVersion and kind")
                .hasMessageNotContaining("GenericKubernetesResource(");

        assertThat(client.configMaps().inNamespace(ns).withName("settings").get()).isNull();
    }

    @Test
    void crdComesBeforeItsResourcesAndNamespaceBeforeItsObjects() {
        ChangeSet changes = apply("crd-and-widget.yaml");

        assertThat(changes.entries()).extracting(ChangeSetEntry::kind)
                .containsExactly("CustomResourceDefinition", "Namespace", "ConfigMap", "Widget");
        GenericKubernetesResource widget = client.genericKubernetesResources("example.sluice.io/v1", "Widget").inNamespace(ns).withName("first").get();
        assertThat(widget).isNotNull();
        long crdVersion = Long.parseLong(client.apiextensions().v1().customResourceDefinitions().withName("widgets.example.sluice.io").get().getMetadata().getResourceVersion());
        long namespaceVersion = Long.parseLong(client.namespaces().withName(ns).get().getMetadata().getResourceVersion());
        long configMapVersion = Long.parseLong(resourceVersion(ConfigMap.class, "settings"));
        assertThat(crdVersion).isLessThan(Long.parseLong(widget.getMetadata().getResourceVersion()));
        assertThat(namespaceVersion).isLessThan(configMapVersion);

        assertThat(apply("crd-and-widget.yaml").entries()).extracting(ChangeSetEntry::action).containsOnly(ChangeAction.UNCHANGED);
    }

    @Test
    void aCrdWithoutStatusCountsAsEstablishedOnlyWhenDiscoveryServesItsKind() {
        apply("crd-and-widget.yaml");
        GenericKubernetesResource served = Fixtures.named(Fixtures.load("crd-and-widget.yaml", ns), "widgets.example.sluice.io");
        assertThat(served.getAdditionalProperties()).doesNotContainKey("status");
        assertThat(DefinitionReadiness.notReadyReason(client, served)).isNull();

        GenericKubernetesResource unserved = Manifests.copy(served);
        unserved.getMetadata().setName("gadgets.example.sluice.io");
        @SuppressWarnings("unchecked")
        Map<String, Object> names = (Map<String, Object>) ((Map<String, Object>) unserved.getAdditionalProperties().get("spec")).get("names");
        names.put("kind", "Gadget");
        assertThat(DefinitionReadiness.notReadyReason(client, unserved)).isEqualTo("not established yet (no status, kind not served)");
        assertThat(DefinitionReadiness.notReadyReason(client, null)).isEqualTo("not found after apply");
    }

    @Test
    void immutableFieldChangeFailsWithoutForceAndRecreatesWithForce() {
        apply("app-v1.yaml");
        String uid = client.apps().deployments().inNamespace(ns).withName("web").get().getMetadata().getUid();

        assertThatThrownBy(() -> apply("app-v4-selector-changed.yaml"))
                .isInstanceOfSatisfying(ApplyException.class, e -> assertThat(e.phase()).isEqualTo(ApplyException.Phase.VALIDATION))
                .hasMessageContaining("Deployment/" + ns + "/web")
                .hasMessageContaining("field is immutable");
        assertThat(client.apps().deployments().inNamespace(ns).withName("web").get().getMetadata().getUid()).isEqualTo(uid);

        options = options.withForce(true);
        ChangeSet forced = apply("app-v4-selector-changed.yaml");

        assertThat(actions(forced)).containsExactly(Map.entry("Deployment/" + ns + "/web", ChangeAction.CREATED));
        Deployment recreated = client.apps().deployments().inNamespace(ns).withName("web").get();
        assertThat(recreated.getMetadata().getUid()).isNotEqualTo(uid);
        assertThat(recreated.getSpec().getSelector().getMatchLabels()).containsEntry("app", "web-v2");
    }

    @Test
    void reapplyRestoresObjectsChangedByHandAndReportsTheDrift() {
        apply("app-v1.yaml");
        // someone edits the ConfigMap (an Update by another manager) and deletes the Service
        client.configMaps().inNamespace(ns).withName("settings").edit(cm -> {
            cm.getData().put("color", "red");
            return cm;
        });
        client.services().inNamespace(ns).withName("web").delete();

        Drift drift = Drift.of(apply("app-v1.yaml"));

        assertThat(drift.drifted()).extracting(e -> e.objectName() + " " + e.action().json())
                .containsExactly("ConfigMap/" + ns + "/settings configured", "Service/" + ns + "/web created");
        assertThat(drift.message()).isEqualTo("drift corrected on 2 objects: ConfigMap/" + ns + "/settings configured, Service/" + ns + "/web created");
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get().getData()).containsEntry("color", "blue");
        assertThat(client.services().inNamespace(ns).withName("web").get()).isNotNull();
        assertThat(Drift.of(apply("app-v1.yaml")).detected()).as("restored: nothing drifts any more").isFalse();
    }

    @Test
    void aFieldAddedByAnotherManagerIsNoDrift() {
        apply("app-v1.yaml");
        client.configMaps().inNamespace(ns).withName("settings").edit(cm -> {
            cm.getMetadata().getAnnotations().put("team", "blue");
            return cm;
        });

        assertThat(Drift.of(apply("app-v1.yaml")).detected()).isFalse();
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get().getMetadata().getAnnotations()).containsEntry("team", "blue");
    }

    @Test
    void manyObjectsOfOneKindAreReadWithOneListAndStillDiffedOneByOne() {
        int count = LiveObjects.LIST_THRESHOLD + 4;
        ChangeSet first = applier.apply(Manifests.parse(ApplyBenchmark.manifests(ns, count, "v")), options);
        assertThat(first.entries(ChangeAction.CREATED)).hasSize(count);
        String version = resourceVersion(ConfigMap.class, "cm-3");

        ChangeSet same = applier.apply(Manifests.parse(ApplyBenchmark.manifests(ns, count, "v")), options);
        ChangeSet one = applier.apply(Manifests.parse(ApplyBenchmark.manifests(ns, count, "v").replace("value: v-7\n", "value: changed\n")), options);
        // an object of the group missing from the cluster is still seen as missing
        client.configMaps().inNamespace(ns).withName("cm-9").delete();
        ChangeSet recreated = applier.apply(Manifests.parse(ApplyBenchmark.manifests(ns, count, "v")), options);

        assertThat(same.entries(ChangeAction.UNCHANGED)).hasSize(count);
        assertThat(resourceVersion(ConfigMap.class, "cm-3")).isEqualTo(version);
        assertThat(one.entries(ChangeAction.CONFIGURED)).extracting(ChangeSetEntry::name).containsExactly("cm-7");
        assertThat(recreated.entries(ChangeAction.CONFIGURED)).extracting(ChangeSetEntry::name).containsExactly("cm-7");
        assertThat(recreated.entries(ChangeAction.CREATED)).extracting(ChangeSetEntry::name).containsExactly("cm-9");
    }

    @Test
    void anUnchangedObjectCostsNoDryRunAndNoWrite() {
        apply("app-v1.yaml");
        String configMapVersion = resourceVersion(ConfigMap.class, "settings");
        RequestCounts before = cluster.requests();

        ChangeSet again = apply("app-v1.yaml");

        RequestCounts after = cluster.requests();
        assertThat(again.entries()).extracting(ChangeSetEntry::action).containsOnly(ChangeAction.UNCHANGED).hasSize(5);
        assertThat(after.writes() - before.writes()).as("writes").isZero();
        assertThat(after.dryRuns() - before.dryRuns()).as("dry runs: the digest proves it unchanged").isZero();
        assertThat(after.count("GET") - before.count("GET"))
                .as("reads: discovery of v1 and apps/v1, one GET per object (each kind has fewer than LIST_THRESHOLD objects)")
                .isLessThanOrEqualTo(2 + 5);
        assertThat(resourceVersion(ConfigMap.class, "settings")).isEqualTo(configMapVersion);
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get().getMetadata().getAnnotations())
                .containsEntry(AppliedDigest.ANNOTATION, digestOfApplied("settings"));
    }

    @Test
    void aHandEditIsDriftEvenThoughTheDigestStillMatches() {
        apply("app-v1.yaml");
        client.configMaps().inNamespace(ns).withName("settings").edit(cm -> {
            cm.getData().put("color", "red");
            return cm;
        });
        ConfigMap edited = client.configMaps().inNamespace(ns).withName("settings").get();
        assertThat(edited.getMetadata().getAnnotations()).as("the edit kept Sluice's digest")
                .containsEntry(AppliedDigest.ANNOTATION, digestOfApplied("settings"));
        RequestCounts before = cluster.requests();

        ChangeSet reapplied = apply("app-v1.yaml");

        RequestCounts after = cluster.requests();
        assertThat(reapplied.entries(ChangeAction.CONFIGURED)).extracting(ChangeSetEntry::objectName).containsExactly("ConfigMap/" + ns + "/settings");
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get().getData()).containsEntry("color", "blue");
        assertThat(after.dryRuns() - before.dryRuns()).as("only the edited object is dry-run").isEqualTo(1);
        assertThat(after.count("PATCH") - before.count("PATCH")).as("only the edited object is written").isEqualTo(1);
    }

    @Test
    void oneInvalidObjectAmongManyChangesNothingNotEvenTheValidChanges() {
        int count = 40;
        // 1 Namespace + 39 ConfigMaps, then 49 ConfigMaps (all changed or new) plus invalid-name.yaml's 3 objects
        applier.apply(Manifests.parse(ApplyBenchmark.manifests(ns, count, "v")), options);
        String version = resourceVersion(ConfigMap.class, "cm-7");
        List<GenericKubernetesResource> next = new java.util.ArrayList<>(Manifests.parse(ApplyBenchmark.manifests(ns, count + 10, "v2")));
        next.addAll(Fixtures.load("invalid-name.yaml", ns));
        RequestCounts before = cluster.requests();

        assertThatThrownBy(() -> applier.apply(next, options))
                .isInstanceOfSatisfying(ApplyException.class, e -> {
                    assertThat(e.phase()).isEqualTo(ApplyException.Phase.VALIDATION);
                    assertThat(e.failures()).extracting(f -> f.object().objectName()).containsExactly("ConfigMap/" + ns + "/Bad_Name");
                    assertThat(e.changeSet().entries()).isEmpty();
                });

        RequestCounts after = cluster.requests();
        assertThat(after.writes() - before.writes()).as("writes").isZero();
        assertThat(after.dryRuns() - before.dryRuns()).as("every changed or new object was dry-run").isEqualTo(count + 10 - 1 + 3);
        assertThat(resourceVersion(ConfigMap.class, "cm-7")).isEqualTo(version);
        assertThat(client.configMaps().inNamespace(ns).withName("cm-" + (count + 1)).get()).isNull();
    }

    @Test
    void anObjectSomeoneElseCreatedIsTakenOverAndThenLeftAlone() {
        client.resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        List<GenericKubernetesResource> set = Fixtures.load("app-v1.yaml", ns);
        // the same ConfigMap, created by hand with exactly the manifest's content and labels, but no digest
        GenericKubernetesResource byHand = Manifests.copy(Fixtures.named(set, "settings"));
        byHand.getMetadata().setLabels(Map.of(ApplyOptions.NAME_LABEL, "app", ApplyOptions.NAMESPACE_LABEL, "flux-system"));
        client.resource(byHand).create();

        ChangeSet first = applier.apply(set, options);
        RequestCounts before = cluster.requests();
        ChangeSet second = applier.apply(set, options);
        RequestCounts after = cluster.requests();

        assertThat(actions(first)).containsEntry("ConfigMap/" + ns + "/settings", ChangeAction.CONFIGURED);
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get().getMetadata().getAnnotations())
                .containsEntry(AppliedDigest.ANNOTATION, digestOfApplied("settings"));
        assertThat(second.entries()).extracting(ChangeSetEntry::action).containsOnly(ChangeAction.UNCHANGED);
        assertThat(after.writes() - before.writes()).isZero();
    }

    /** The digest Sluice records for a fixture object of app-v1.yaml: the manifest with the owner labels. */
    private String digestOfApplied(String name) {
        ObjectNode tree = Manifests.tree(Fixtures.named(Fixtures.load("app-v1.yaml", ns), name));
        ObjectNode metadata = (ObjectNode) tree.get("metadata");
        ObjectNode labels = metadata.has("labels") ? (ObjectNode) metadata.get("labels") : metadata.putObject("labels");
        labels.put(ApplyOptions.NAME_LABEL, "app").put(ApplyOptions.NAMESPACE_LABEL, "flux-system");
        return AppliedDigest.of(tree);
    }

    @Test
    void theSameObjectTwiceIsRefusedBeforeAnyRequest() {
        List<GenericKubernetesResource> twice = new java.util.ArrayList<>(Fixtures.load("prune-disabled.yaml", ns));
        twice.add(twice.get(0));
        long requestsBefore = cluster.requests().total();
        assertThatThrownBy(() -> applier.apply(twice, options)).hasMessageContaining("ConfigMap/" + ns + "/keep").hasMessageContaining("twice");
        assertThat(cluster.requests().total()).as("refused before any request").isEqualTo(requestsBefore);
    }
}
