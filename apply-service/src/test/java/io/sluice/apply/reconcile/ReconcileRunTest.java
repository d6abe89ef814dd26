package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.sandbox.cluster.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the reconcile-run tests share, one test class per feature as kustomize-controller's tests are (drift,
 * dependsOn, suspend, impersonation, deletion, requests): one run at a time ({@link KustomizationApplyHandler#reconcile})
 * on a sandbox cluster of the class's own, with the published events in a list. The timing (intervals, scheduling,
 * Kafka) is in {@link ReconcileLoopTest}.
 */
abstract class ReconcileRunTest {

    static final String NS = ReconcileFixtures.NS;
    static final String REV = "main@sha1:" + "b".repeat(40);

    static SandboxCluster cluster;
    final List<SluiceEvent> published = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    KustomizationApplyHandler handler(KubernetesClient client) {
        return ReconcileFixtures.handler(client, published::add);
    }

    static KubernetesClient client() {
        return cluster.client();
    }

    static ObjectKey create(String name, Consumer<KustomizationSpec> customize) {
        return ReconcileFixtures.createKustomization(client(), name, "repo", "1m", customize);
    }

    static void changeSpec(ObjectKey key, Consumer<KustomizationSpec> change) {
        Kustomization ks = get(key);
        change.accept(ks.getSpec());
        client().resources(Kustomization.class).inNamespace(NS).resource(ks).update();
    }

    static Kustomization get(ObjectKey key) {
        return client().resources(Kustomization.class).inNamespace(key.namespace()).withName(key.name()).get();
    }

    static String configMaps(String... names) {
        StringBuilder yaml = new StringBuilder();
        for (String name : names) {
            yaml.append(ReconcileFixtures.configMapYaml(name)).append("---\n");
        }
        return yaml.toString();
    }

    static ManifestsRendered rendering(ObjectKey app, String yaml) {
        return ReconcileFixtures.inline(app, REV, yaml);
    }

    static ConfigMap configMap(String name) {
        return client().configMaps().inNamespace("default").withName(name).get();
    }

    <T extends SluiceEvent> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static String condition(ObjectKey key, String type) {
        return Conditions.get(get(key).getStatus(), type).map(c -> c.getStatus() + "/" + c.getReason()).orElse("absent");
    }
}
