package io.sluice.rollout.reconcile;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.flagger.Canary;
import io.sluice.api.meta.ObjectKey;
import io.sluice.rollout.analysis.CanaryPhase;
import io.sluice.rollout.metrics.MetricChecks;
import io.sluice.rollout.metrics.MetricQueries;
import io.sluice.rollout.prometheus.PrometheusClient;
import io.sluice.rollout.testing.Canaries;
import io.sluice.rollout.testing.Deployments;
import io.sluice.rollout.testing.RealPrometheus;
import io.sluice.rollout.testing.SandboxWorkloads;
import io.sluice.sandbox.cluster.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciler driven tick by tick against the sandbox API server: it creates Flagger's scheme, steps the HTTPRoute's
 * weights and promotes; bad inputs end in a Promoted condition with a reason and one event. The sandbox runs no pods,
 * so the test writes the Deployments' status where a real cluster's controller would (docs/sandbox.md).
 */
class CanaryReconcilerTest {

    private static SandboxCluster cluster;
    private static KubernetesClient client;
    private final List<ObjectEvent> events = new CopyOnWriteArrayList<>();
    private String namespace;
    private CanaryReconciler reconciler;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = SandboxCluster.start();
        client = cluster.client();
        SandboxWorkloads.registerHttpRoutes(cluster);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void namespaceAndReconciler(org.junit.jupiter.api.TestInfo test) throws Exception {
        namespace = "t" + Integer.toHexString(test.getDisplayName().hashCode() & 0xffffff);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        reconcilerWith(URI.create("http://127.0.0.1:" + RealPrometheus.freePort()));
    }

    private void reconcilerWith(URI prometheus) {
        MetricChecks checks = new MetricChecks(new MetricQueries(prometheus, key -> Optional.empty()), new PrometheusClient(Duration.ofSeconds(2)));
        reconciler = new CanaryReconciler(client, checks, this::record, Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC),
                "rollout-service");
    }

    @Test
    void aNewImageIsSteppedThroughTheRouteWeightsAndPromoted() {
        createTarget("ghcr.io/stefanprodan/podinfo:6.5.0");
        ObjectKey key = createCanary(Canaries.podinfo());

        assertThat(reconciler.reconcile(key).phase()).isEqualTo(CanaryPhase.INITIALIZING);
        Deployment primary = deployment("podinfo-primary");
        assertThat(primary.getSpec().getSelector().getMatchLabels()).containsEntry("app", "podinfo-primary");
        assertThat(client.services().inNamespace(namespace).list().getItems()).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("podinfo", "podinfo-primary", "podinfo-canary");
        assertThat(SandboxWorkloads.canaryWeight(client, namespace, "podinfo")).isZero();

        SandboxWorkloads.markRolledOut(client, namespace, "podinfo-primary");
        assertThat(reconciler.reconcile(key).phase()).isEqualTo(CanaryPhase.INITIALIZED);
        assertThat(deployment("podinfo").getSpec().getReplicas()).as("target scaled to zero").isZero();

        SandboxWorkloads.setImage(client, namespace, "podinfo", "ghcr.io/stefanprodan/podinfo:6.5.1");
        assertThat(reconciler.reconcile(key).phase()).isEqualTo(CanaryPhase.PROGRESSING);
        assertThat(deployment("podinfo").getSpec().getReplicas()).as("canary scaled up like the primary").isEqualTo(2);
        SandboxWorkloads.markRolledOut(client, namespace, "podinfo");

        List<Integer> weights = new java.util.ArrayList<>();
        // Bounded: a canary stuck in Progressing must fail the assertion below, not hang the build.
        for (int tick = 0; tick < 20 && canary(key).getStatus().getPhase().equals("Progressing"); tick++) {
            reconciler.reconcile(key);
            weights.add(SandboxWorkloads.canaryWeight(client, namespace, "podinfo"));
        }
        assertThat(weights).containsExactly(10, 20, 30, 40, 50, 50);
        assertThat(canary(key).getStatus().getPhase()).isEqualTo("Promoting");
        assertThat(deployment("podinfo-primary").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("ghcr.io/stefanprodan/podinfo:6.5.1");

        assertThat(reconciler.reconcile(key).phase()).as("primary not rolled out yet").isEqualTo(CanaryPhase.PROMOTING);
        assertThat(SandboxWorkloads.canaryWeight(client, namespace, "podinfo")).isEqualTo(50);
        SandboxWorkloads.markRolledOut(client, namespace, "podinfo-primary");
        assertThat(reconciler.reconcile(key).phase()).isEqualTo(CanaryPhase.FINALISING);
        assertThat(SandboxWorkloads.canaryWeight(client, namespace, "podinfo")).isZero();
        assertThat(reconciler.reconcile(key).phase()).isEqualTo(CanaryPhase.SUCCEEDED);
        assertThat(deployment("podinfo").getSpec().getReplicas()).isZero();

        Canary done = canary(key);
        assertThat(done.getStatus().getLastPromotedSpec()).isEqualTo(done.getStatus().getLastAppliedSpec());
        assertThat(done.getStatus().getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getType()).isEqualTo("Promoted");
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("Succeeded");
        });
        assertThat(events).extracting(ObjectEvent::message).contains("Initialization done! podinfo." + namespace,
                "New revision detected! Scaling up podinfo." + namespace, "Canary podinfo." + namespace + " promoted at 50%");
        assertThat(events).allSatisfy(event -> assertThat(event.involvedObject()).isEqualTo(key));
    }

    @Test
    void anUnreachablePrometheusHaltsAndRollsBackSayingWhy() {
        createTarget("ghcr.io/stefanprodan/podinfo:6.5.0");
        Canary spec = Canaries.podinfo();
        spec.getSpec().getAnalysis().setThreshold(2);
        spec.getSpec().getAnalysis().setMetrics(List.of(Canaries.builtin("request-success-rate", 99.0, null, "1m")));
        ObjectKey key = createCanary(spec);
        reconciler.reconcile(key);
        SandboxWorkloads.markRolledOut(client, namespace, "podinfo-primary");
        reconciler.reconcile(key);
        SandboxWorkloads.setImage(client, namespace, "podinfo", "ghcr.io/stefanprodan/podinfo:6.5.1");
        reconciler.reconcile(key);
        SandboxWorkloads.markRolledOut(client, namespace, "podinfo");
        reconciler.reconcile(key); // weight 10

        assertThat(reconciler.reconcile(key).failedChecks()).isEqualTo(1);
        assertThat(SandboxWorkloads.canaryWeight(client, namespace, "podinfo")).isEqualTo(10);
        assertThat(reconciler.reconcile(key).phase()).isEqualTo(CanaryPhase.FAILED);

        assertThat(SandboxWorkloads.canaryWeight(client, namespace, "podinfo")).isZero();
        assertThat(deployment("podinfo").getSpec().getReplicas()).isZero();
        assertThat(canary(key).getStatus().getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("Failed");
            assertThat(c.getMessage()).contains("metric request-success-rate: Prometheus at http://127.0.0.1:").contains("unreachable");
        });
        assertThat(events).filteredOn(e -> e.severity() == Severity.ERROR).extracting(ObjectEvent::message)
                .anySatisfy(m -> assertThat(m).startsWith("Rolling back podinfo." + namespace + ": metric request-success-rate"));
    }

    @Test
    void aCanaryWhoseTargetIsMissingSaysSoOnceAndCreatesNothing() {
        ObjectKey key = createCanary(Canaries.podinfo());

        reconciler.reconcile(key);
        reconciler.reconcile(key);

        assertThat(canary(key).getStatus().getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("TargetNotFound");
            assertThat(c.getMessage()).isEqualTo("Target Deployment of podinfo." + namespace + " not found (spec.targetRef)");
        });
        assertThat(events).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("TargetNotFound"));
        assertThat(client.apps().deployments().inNamespace(namespace).list().getItems()).isEmpty();
    }

    @Test
    void anInvalidSpecIsAConditionWithTheField() {
        createTarget("ghcr.io/stefanprodan/podinfo:6.5.0");
        Canary spec = Canaries.podinfo();
        spec.getSpec().getAnalysis().setInterval("every minute");
        ObjectKey key = createCanary(spec);

        reconciler.reconcile(key);

        assertThat(canary(key).getStatus().getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getReason()).isEqualTo("InvalidSpec");
            assertThat(c.getMessage()).contains("spec.analysis.interval");
        });
        assertThat(events).singleElement().satisfies(e -> assertThat(e.severity()).isEqualTo(Severity.ERROR));
    }

    private CompletableFuture<Void> record(SluiceEvent event) {
        events.add((ObjectEvent) event);
        return CompletableFuture.completedFuture(null);
    }

    private void createTarget(String image) {
        Deployment target = Deployments.podinfo(image);
        target.getMetadata().setNamespace(namespace);
        client.resource(target).create();
        SandboxWorkloads.markRolledOut(client, namespace, "podinfo");
    }

    private ObjectKey createCanary(Canary canary) {
        canary.getMetadata().setNamespace(namespace);
        canary.getMetadata().setUid(null);
        client.resource(canary).create();
        return ObjectKey.of(Canary.KIND, namespace, canary.getMetadata().getName());
    }

    private Canary canary(ObjectKey key) {
        return client.resources(Canary.class).inNamespace(namespace).withName(key.name()).get();
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get();
    }
}
