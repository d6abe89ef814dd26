package io.sluice.apply.ssa;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;
import io.sluice.api.events.Health;
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

/** The whole sequence for two revisions of one Kustomization on the sandbox. */
class RevisionApplierTest {

    private static final String REV1 = "main@sha1:1111111111111111111111111111111111111111";
    private static final String REV2 = "main@sha1:2222222222222222222222222222222222222222";

    private static SandboxCluster cluster;
    private static KubernetesClient client;

    private String ns;
    private RevisionApplier revisions;
    private final ApplyOptions options = ApplyOptions.forKustomization("flux-system", "app");

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
    void setUp(TestInfo test) {
        ns = Fixtures.namespaceFor(test);
        revisions = new RevisionApplier(client, Duration.ofMillis(100));
    }

    private RevisionApplier.Request request(String fixture, String revision, String last, Inventory inventory, boolean wait) {
        return new RevisionApplier.Request(Fixtures.load(fixture, ns), revision, last, inventory, true, wait, List.of(),
                Duration.ofMillis(600), options);
    }

    @Test
    void newRevisionPrunesWhatLeftAndRecordsTheInventory() {
        RevisionApplier.Result first = revisions.apply(request("app-v1.yaml", REV1, null, Inventory.empty(), false));
        assertThat(first.inventory().entries()).extracting(Inventory.Entry::id).containsExactly(
                "_" + ns + "__Namespace", ns + "_settings__ConfigMap", ns + "_web__Service", ns + "_web__ServiceAccount", ns + "_web_apps_Deployment");
        assertThat(first.health()).isEqualTo(Health.notChecked());
        assertThat(first.drift().detected()).isFalse();

        RevisionApplier.Result second = revisions.apply(request("app-v3-service-removed.yaml", REV2, REV1, first.inventory(), false));

        assertThat(second.changeSet().entries(ChangeAction.DELETED)).extracting(ChangeSetEntry::objectName).containsExactly("Service/" + ns + "/web");
        assertThat(second.changeSet().entries(ChangeAction.UNCHANGED)).hasSize(4);
        assertThat(second.inventory().entries()).hasSize(4);
        assertThat(second.drift().detected()).as("a new revision is not drift").isFalse();
    }

    @Test
    void sameRevisionReportsDriftAndWaitReportsTheUnhealthyDeployment() {
        RevisionApplier.Result first = revisions.apply(request("app-v1.yaml", REV1, null, Inventory.empty(), false));
        client.configMaps().inNamespace(ns).withName("settings").edit(cm -> {
            cm.getData().put("color", "red");
            return cm;
        });

        RevisionApplier.Result again = revisions.apply(request("app-v1.yaml", REV1, REV1, first.inventory(), true));

        assertThat(again.drift().drifted()).extracting(ChangeSetEntry::objectName).containsExactly("ConfigMap/" + ns + "/settings");
        assertThat(again.health().status()).isEqualTo(Health.Status.UNHEALTHY);
        assertThat(again.health().message()).isEqualTo("timeout waiting for: [Deployment " + ns + "/web: waiting for the deployment controller (no status yet)]");
        assertThat(again.unhealthy()).extracting(HealthCheck.Result::object).containsExactly(new ObjectRef("apps/v1", "Deployment", ns, "web"));

        client.apps().deployments().inNamespace(ns).withName("web").editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
                    .withReplicas(2).withUpdatedReplicas(2).withAvailableReplicas(2).build());
            return d;
        });
        RevisionApplier.Result healthy = revisions.apply(request("app-v1.yaml", REV1, REV1, again.inventory(), true));
        assertThat(healthy.health()).isEqualTo(Health.healthy("5 objects are healthy"));
        assertThat(healthy.changeSet().changedAnything()).isFalse();
    }

    @Test
    void objectsThatCouldNotBeDeletedStayInTheInventorySoTheNextRunTriesAgain() {
        try (RealServerStub server = RealServerStub.start()) {
            ObjectRef kept = new ObjectRef("v1", "ConfigMap", "apps", "kept");
            ObjectRef refused = new ObjectRef("v1", "ConfigMap", "apps", "refused");
            DesiredSet set = DesiredSet.of(Manifests.parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kept, namespace: apps}\n"), options);
            server.store(RealServerObjects.withServerMetadata(Manifests.tree(new ConfigMapBuilder().withNewMetadata()
                    .withNamespace("apps").withName("refused").withLabels(Map.of(ApplyOptions.NAME_LABEL, "app",
                            ApplyOptions.NAMESPACE_LABEL, "flux-system")).endMetadata().build()), RecordedAnswers.step("08-ssa-basics", 1).body()));
            RecordedAnswers.Step forbidden = RecordedAnswers.forbiddenDelete("configmaps", "refused");
            server.answer(r -> r.method().equals("DELETE"), forbidden.status(), forbidden.body());

            assertThatThrownBy(() -> new RevisionApplier(server.client()).apply(new RevisionApplier.Request(set, REV2, REV1,
                    Inventory.of(List.of(kept, refused)), true, false, List.of(), Duration.ofMinutes(1), options)))
                    .isInstanceOfSatisfying(ApplyException.class, e -> {
                        assertThat(e.phase()).isEqualTo(ApplyException.Phase.PRUNE);
                        assertThat(e.inventory()).hasValueSatisfying(inventory -> assertThat(inventory.objects()).containsExactly(kept, refused));
                        assertThat(e.changeSet().entries()).extracting(ChangeSetEntry::objectName, ChangeSetEntry::action)
                                .containsExactly(tuple("ConfigMap/apps/kept", ChangeAction.CREATED));
                    });
        }
    }
}
