package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request counters, and that the faster LIST and namespace deletion answer as before. */
class SandboxPerformanceFixesTest {

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

    private static ConfigMap configMap(String namespace, String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withData(Map.of("value", value)).build();
    }

    private static void namespace(String name) {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    }

    @Test
    void requestsAreCountedByMethodWithDryRunsApart() {
        namespace("counted");
        RequestCounts before = cluster.requests();

        client.resource(configMap("counted", "a", "1")).create();
        client.configMaps().inNamespace("counted").withName("a").get();
        client.resource(configMap("counted", "a", "2")).dryRun().fieldManager("test").forceConflicts().serverSideApply();
        client.resource(configMap("counted", "a", "3")).fieldManager("test").forceConflicts().serverSideApply();

        RequestCounts after = cluster.requests();
        assertThat(after.count("POST") - before.count("POST")).isEqualTo(1);
        assertThat(after.count("PATCH") - before.count("PATCH")).as("the dry run is not counted as a PATCH").isEqualTo(1);
        assertThat(after.dryRuns() - before.dryRuns()).isEqualTo(1);
        assertThat(after.writes() - before.writes()).isEqualTo(2);
        assertThat(after.count("GET") - before.count("GET")).isGreaterThanOrEqualTo(1);
        assertThat(after.total()).isGreaterThan(before.total());
    }

    @Test
    void aListAnswersTheCurrentObjectsAfterChangesAndDeletions() {
        namespace("listed");
        client.configMaps().inNamespace("listed").withName("kube-root-ca.crt").delete(); // in every new namespace
        for (int i = 0; i < 20; i++) {
            client.resource(configMap("listed", "cm-" + i, "v" + i)).create();
        }
        assertThat(client.configMaps().inNamespace("listed").list().getItems()).hasSize(20);

        client.configMaps().inNamespace("listed").withName("cm-3").edit(cm -> {
            cm.getData().put("value", "changed");
            return cm;
        });
        client.configMaps().inNamespace("listed").withName("cm-4").delete();

        var list = client.configMaps().inNamespace("listed").list();
        assertThat(list.getItems()).hasSize(19).extracting(cm -> cm.getMetadata().getName()).doesNotContain("cm-4");
        assertThat(list.getItems()).filteredOn(cm -> cm.getMetadata().getName().equals("cm-3"))
                .extracting(cm -> cm.getData().get("value")).containsExactly("changed");
        assertThat(list.getKind()).isEqualTo("ConfigMapList");
        assertThat(list.getMetadata().getResourceVersion()).isNotBlank();
        assertThat(client.configMaps().inNamespace("nothing-here").list().getItems()).isEmpty();
    }

    @Test
    void deletingANamespaceWithManyObjectsDeletesThemAllAndTheNamespace() {
        namespace("crowded");
        for (int i = 0; i < 300; i++) {
            client.resource(configMap("crowded", "cm-" + i, "v")).create();
        }

        client.namespaces().withName("crowded").delete();

        // the namespace controller empties it at once, and removes it after it was Terminating for a moment
        await().atMost(Duration.ofSeconds(10)).until(() -> client.namespaces().withName("crowded").get() == null);
        assertThat(client.configMaps().inNamespace("crowded").list().getItems()).isEmpty();
        assertThat(client.namespaces().list().getItems()).extracting(ns -> ns.getMetadata().getName())
                .doesNotContain("crowded").containsAll(List.of("default", "flux-system"));
    }
}
