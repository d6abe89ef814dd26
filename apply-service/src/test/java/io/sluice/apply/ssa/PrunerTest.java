package io.sluice.apply.ssa;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;
import io.sluice.apply.realserver.RealServerObjects;
import io.sluice.apply.realserver.RealServerStub;
import io.sluice.apply.realserver.RecordedAnswers;
import io.sluice.sandbox.cluster.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Pruner on the sandbox: apply a set, apply a smaller one, prune the difference of the inventories. */
class PrunerTest {

    private static SandboxCluster cluster;
    private static KubernetesClient client;

    private String ns;
    private ApplyOptions options;
    private StagedApplier applier;
    private Pruner pruner;

    @BeforeAll
    static void startCluster() {
        cluster = SandboxCluster.start();
        client = cluster.client();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void namespace(TestInfo test) {
        ns = Fixtures.namespaceFor(test);
        options = ApplyOptions.forKustomization("flux-system", "app").withWaitTimeout(Duration.ofSeconds(10));
        applier = new StagedApplier(client);
        pruner = new Pruner(client);
    }

    private Inventory applyAndRecord(String fixture) {
        return Inventory.of(applier.apply(Fixtures.load(fixture, ns), options).applied());
    }

    @Test
    void anObjectThatLeftGitIsDeleted() {
        Inventory first = applyAndRecord("app-v1.yaml");
        Inventory second = applyAndRecord("app-v3-service-removed.yaml");

        ChangeSet pruned = pruner.prune(first, second, options);

        assertThat(pruned.entries()).extracting(e -> e.objectName() + " " + e.action().json())
                .containsExactly("Service/" + ns + "/web deleted");
        assertThat(client.services().inNamespace(ns).withName("web").get()).isNull();
        assertThat(client.apps().deployments().inNamespace(ns).withName("web").get()).isNotNull();
        assertThat(pruner.prune(second, second, options).entries()).as("nothing left to prune").isEmpty();
    }

    @Test
    void pruneDisabledAnnotationKeepsTheObject() {
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        Inventory first = applyAndRecord("prune-disabled.yaml");

        ChangeSet pruned = pruner.prune(first, Inventory.empty(), options);

        assertThat(pruned.entries()).extracting(e -> e.objectName() + " " + e.action().json())
                .containsExactlyInAnyOrder("ConfigMap/" + ns + "/keep skipped", "ConfigMap/" + ns + "/drop deleted");
        assertThat(client.configMaps().inNamespace(ns).withName("keep").get()).isNotNull();
        assertThat(client.configMaps().inNamespace(ns).withName("drop").get()).isNull();
    }

    @Test
    void anObjectAnotherOwnerTookOverIsLeftAlone() {
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        Inventory first = applyAndRecord("prune-disabled.yaml");
        // another Kustomization now applies "drop": its labels name the other owner
        client.configMaps().inNamespace(ns).withName("drop").edit(cm -> {
            cm.getMetadata().getLabels().put(ApplyOptions.NAME_LABEL, "other");
            return cm;
        });

        ChangeSet pruned = pruner.prune(first, Inventory.empty(), options);

        assertThat(pruned.entries(ChangeAction.DELETED)).isEmpty();
        assertThat(client.configMaps().inNamespace(ns).withName("drop").get()).isNotNull();
    }

    @Test
    void namespacesAndCrdsAreDeletedLastAndGoneObjectsAreNotReported() {
        Inventory first = applyAndRecord("crd-and-widget.yaml");
        // the ConfigMap was already deleted by hand: nothing to report for it
        client.configMaps().inNamespace(ns).withName("settings").delete();

        ChangeSet pruned = pruner.prune(first, Inventory.empty(), options);

        assertThat(pruned.entries()).extracting(ChangeSetEntry::kind)
                .containsExactly("Widget", "Namespace", "CustomResourceDefinition");
        assertThat(pruned.entries()).extracting(ChangeSetEntry::action).containsOnly(ChangeAction.DELETED);
        assertThat(client.apiextensions().v1().customResourceDefinitions().withName("widgets.example.sluice.io").get()).isNull();
    }

    @Test
    void objectsWithoutOurLabelsAreNeverDeletedEvenWhenListed() {
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("hand-made").endMetadata()
                .withData(Map.of("a", "1")).build()).create();
        Inventory claimsIt = Inventory.of(List.of(new ObjectRef("v1", "ConfigMap", ns, "hand-made")));

        ChangeSet pruned = pruner.prune(claimsIt, Inventory.empty(), options);

        assertThat(pruned.entries()).extracting(e -> e.action()).containsExactly(ChangeAction.SKIPPED);
        GenericKubernetesResource still = client.genericKubernetesResources("v1", "ConfigMap").inNamespace(ns).withName("hand-made").get();
        assertThat(still).isNotNull();
    }

    @Test
    void aDeleteTheServerRefusesFailsThePruneNamingItAfterTheOthersWereDeleted() {
        try (RealServerStub server = RealServerStub.start()) {
            for (String name : List.of("refused", "deletable")) {
                server.store(RealServerObjects.withServerMetadata(Manifests.tree(new ConfigMapBuilder().withNewMetadata()
                        .withNamespace("apps").withName(name).withLabels(Map.of(ApplyOptions.NAME_LABEL, "app",
                                ApplyOptions.NAMESPACE_LABEL, "flux-system")).endMetadata().build()),
                        RecordedAnswers.step("08-ssa-basics", 1).body()));
            }
            RecordedAnswers.Step forbidden = RecordedAnswers.forbiddenDelete("configmaps", "refused");
            server.answer(r -> r.method().equals("DELETE") && r.path().endsWith("/refused"), forbidden.status(), forbidden.body());
            Inventory last = Inventory.of(List.of(new ObjectRef("v1", "ConfigMap", "apps", "refused"),
                    new ObjectRef("v1", "ConfigMap", "apps", "deletable")));

            assertThatThrownBy(() -> new Pruner(server.client()).prune(last, Inventory.empty(), options))
                    .isInstanceOfSatisfying(ApplyException.class, e -> {
                        assertThat(e.phase()).isEqualTo(ApplyException.Phase.PRUNE);
                        assertThat(e.failures()).extracting(ApplyException.Failure::object)
                                .containsExactly(new ObjectRef("v1", "ConfigMap", "apps", "refused"));
                        assertThat(e.getMessage()).isEqualTo("prune failed (1 object): ConfigMap/apps/refused: configmaps \"refused\""
                                + " is forbidden: User \"system:serviceaccount:29-rbac-impersonation:sa1\" cannot delete resource"
                                + " \"configmaps\" in API group \"\" in the namespace \"29-rbac-impersonation\" (HTTP 403)");
                        assertThat(e.changeSet().entries()).extracting(ChangeSetEntry::objectName, ChangeSetEntry::action)
                                .containsExactly(tuple("ConfigMap/apps/deletable", ChangeAction.DELETED));
                    });
            assertThat(server.stored("v1", "ConfigMap", "apps", "deletable")).isEmpty();
            assertThat(server.stored("v1", "ConfigMap", "apps", "refused")).isPresent();
        }
    }
}
