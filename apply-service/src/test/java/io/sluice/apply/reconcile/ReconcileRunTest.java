package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sluice.api.events.ApplyCompleted;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.DependencyReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.sandbox.cluster.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One reconciliation run at a time ({@link KustomizationApplyHandler#reconcile}), on a sandbox cluster with the
 * published events in a list: drift correction (nothing written when nothing drifted; objects changed or deleted
 * by hand restored and reported), reconcile requests, dependsOn, suspend and resume, retry interval, Stalled on an
 * invalid spec, Healthy, impersonation of spec.serviceAccountName, a restored desired state, deletion with prune.
 * The timing (intervals, scheduling, Kafka) is in {@link ReconcileLoopTest}.
 */
class ReconcileRunTest {

    private static final String NS = ReconcileFixtures.NS;
    private static final String REV = "main@sha1:" + "b".repeat(40);

    private static SandboxCluster cluster;
    private final List<SluiceEvent> published = new CopyOnWriteArrayList<>();

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

    private KustomizationApplyHandler handler(KubernetesClient client) {
        return ReconcileFixtures.handler(client, published::add);
    }

    private static KubernetesClient client() {
        return cluster.client();
    }

    private static ObjectKey create(String name, Consumer<KustomizationSpec> customize) {
        return ReconcileFixtures.createKustomization(client(), name, "repo", "1m", customize);
    }

    private static void changeSpec(ObjectKey key, Consumer<KustomizationSpec> change) {
        Kustomization ks = get(key);
        change.accept(ks.getSpec());
        client().resources(Kustomization.class).inNamespace(NS).resource(ks).update();
    }

    private static Kustomization get(ObjectKey key) {
        return client().resources(Kustomization.class).inNamespace(key.namespace()).withName(key.name()).get();
    }

    private static String configMaps(String... names) {
        StringBuilder yaml = new StringBuilder();
        for (String name : names) {
            yaml.append(ReconcileFixtures.configMapYaml(name)).append("---\n");
        }
        return yaml.toString();
    }

    private static ManifestsRendered rendering(ObjectKey app, String yaml) {
        return ReconcileFixtures.inline(app, REV, yaml);
    }

    private static ConfigMap configMap(String name) {
        return client().configMaps().inNamespace("default").withName(name).get();
    }

    private <T extends SluiceEvent> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String condition(ObjectKey key, String type) {
        return Conditions.get(get(key).getStatus(), type).map(c -> c.getStatus() + "/" + c.getReason()).orElse("absent");
    }

    @Test
    void reapplyWithoutDriftWritesNothingAndPublishesNothing() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = create("steady", spec -> spec.setWait(true));
        handler.onManifests(rendering(key, configMaps("steady-cm")));
        assertThat(condition(key, "Ready")).isEqualTo("True/ReconciliationSucceeded");
        assertThat(condition(key, "Healthy")).isEqualTo("True/Succeeded");
        assertThat(condition(key, "Reconciling")).isEqualTo("absent");
        String kustomizationVersion = get(key).getMetadata().getResourceVersion();
        String objectVersion = configMap("steady-cm").getMetadata().getResourceVersion();
        published.clear();

        KustomizationApplyHandler.Outcome outcome = handler.reconcile(key);

        assertThat(outcome).isEqualTo(new KustomizationApplyHandler.Outcome(Duration.ofMinutes(1), false));
        assertThat(published).isEmpty();
        assertThat(get(key).getMetadata().getResourceVersion()).isEqualTo(kustomizationVersion);
        assertThat(configMap("steady-cm").getMetadata().getResourceVersion()).isEqualTo(objectVersion);
    }

    @Test
    void objectsChangedOrDeletedByHandAreRestoredAndReportedAsDrift() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = create("drifting", spec -> {
        });
        handler.onManifests(rendering(key, configMaps("drift-edited", "drift-deleted", "drift-kept")));
        client().configMaps().inNamespace("default").withName("drift-edited").edit(cm -> {
            cm.getData().put("colour", "red");
            return cm;
        });
        client().configMaps().inNamespace("default").withName("drift-deleted").delete();
        published.clear();

        handler.reconcile(key);

        assertThat(configMap("drift-edited").getData()).containsEntry("colour", "blue");
        assertThat(configMap("drift-deleted")).isNotNull();
        ObjectEvent drift = published(ObjectEvent.class).get(0);
        assertThat(drift.reason()).isEqualTo("DriftCorrected");
        assertThat(drift.message()).startsWith("drift corrected on 2 objects: ")
                .contains("ConfigMap/default/drift-edited configured", "ConfigMap/default/drift-deleted created");
        assertThat(published(ApplyCompleted.class)).singleElement()
                .satisfies(done -> assertThat(done.pushReceivedAt()).isNull());
        assertThat(condition(key, "Ready")).isEqualTo("True/ReconciliationSucceeded");
    }

    @Test
    void reconcileRequestReappliesAndSetsLastHandledReconcileAt() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = create("requested", spec -> {
        });
        handler.onManifests(rendering(key, configMaps("requested-cm")));
        client().configMaps().inNamespace("default").withName("requested-cm").delete();
        String requestedAt = Instant.parse("2026-11-28T02:00:00Z").toString();

        handler.requestReceived(key, requestedAt);
        handler.reconcile(key);

        assertThat(get(key).getStatus().getLastHandledReconcileAt()).isEqualTo(requestedAt);
        assertThat(configMap("requested-cm")).isNotNull();
    }

    @Test
    void dependencyNotReadyBlocksTheApplyAndIsRetriedAfterRetryInterval() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey base = create("base", spec -> {
        });
        ObjectKey app = create("app", spec -> {
            DependencyReference dep = new DependencyReference();
            dep.setName("base");
            spec.setDependsOn(List.of(dep));
            spec.setRetryInterval("7s");
        });

        KustomizationApplyHandler.Outcome blocked = handler.onManifests(rendering(app, configMaps("app-cm")));

        assertThat(blocked.next()).isEqualTo(Duration.ofSeconds(7));
        assertThat(configMap("app-cm")).isNull();
        assertThat(condition(app, "Ready")).isEqualTo("False/DependencyNotReady");
        assertThat(Conditions.get(get(app).getStatus(), "Ready").orElseThrow().getMessage())
                .isEqualTo("dependency 'flux-system/base' is not ready");
        assertThat(published(ObjectEvent.class)).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("DependencyNotReady"));
        handler.reconcile(app);
        assertThat(published(ObjectEvent.class)).as("one event per change, not per retry").hasSize(1);

        assertThat(handler.onManifests(rendering(base, configMaps("base-cm"))).nowReady()).isTrue();
        handler.reconcile(app);

        assertThat(configMap("app-cm")).isNotNull();
        assertThat(condition(app, "Ready")).isEqualTo("True/ReconciliationSucceeded");
    }

    @Test
    void missingDependencyIsNamed() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey app = create("orphan-app", spec -> {
            DependencyReference dep = new DependencyReference();
            dep.setName("nowhere");
            dep.setNamespace("other");
            spec.setDependsOn(List.of(dep));
        });

        KustomizationApplyHandler.Outcome blocked = handler.onManifests(rendering(app, configMaps("orphan-cm")));

        assertThat(blocked.next()).as("retryInterval defaults to the interval").isEqualTo(Duration.ofMinutes(1));
        assertThat(Conditions.get(get(app).getStatus(), "Ready").orElseThrow().getMessage())
                .isEqualTo("dependency 'other/nowhere' not found");
    }

    @Test
    void suspendedKustomizationIsSkippedAndResumedWhenUnsuspended() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = create("paused", spec -> spec.setSuspend(true));

        assertThat(handler.onManifests(rendering(key, configMaps("paused-cm")))).isEqualTo(new KustomizationApplyHandler.Outcome(null, false));
        assertThat(configMap("paused-cm")).isNull();
        assertThat(get(key).getStatus()).isNull();

        changeSpec(key, spec -> spec.setSuspend(false));
        KustomizationApplyHandler.Outcome resumed = handler.reconcile(key);

        assertThat(resumed.nowReady()).isTrue();
        assertThat(configMap("paused-cm")).isNotNull();
    }

    @Test
    void failedApplyIsRetriedAfterRetryIntervalAndReconcilingShowsTheRetry() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = create("failing", spec -> spec.setRetryInterval("3s"));

        KustomizationApplyHandler.Outcome outcome = handler.onManifests(rendering(key, configMaps("Bad_Name")));

        assertThat(outcome.next()).isEqualTo(Duration.ofSeconds(3));
        assertThat(condition(key, "Ready")).isEqualTo("False/ReconciliationFailed");
        assertThat(condition(key, "Reconciling")).isEqualTo("True/ProgressingWithRetry");
        assertThat(get(key).getStatus().getLastAttemptedRevision()).isEqualTo(REV);
    }

    @Test
    void invalidTimeoutStallsTheKustomizationWithoutRetrying() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = create("stalled", spec -> spec.setTimeout("soon"));

        KustomizationApplyHandler.Outcome outcome = handler.onManifests(rendering(key, configMaps("stalled-cm")));

        assertThat(outcome.next()).isNull();
        assertThat(condition(key, "Stalled")).isEqualTo("True/InvalidSpec");
        assertThat(condition(key, "Ready")).isEqualTo("False/InvalidSpec");
        assertThat(Conditions.get(get(key).getStatus(), "Ready").orElseThrow().getMessage()).contains("spec.timeout").contains("soon");
        assertThat(get(key).getStatus().getObservedGeneration()).isEqualTo(get(key).getMetadata().getGeneration());
        assertThat(configMap("stalled-cm")).isNull();
    }

    @Test
    void serviceAccountNameIsImpersonatedForTheApplyOnly() throws Exception {
        try (RecordingProxy proxy = new RecordingProxy(cluster.masterUrl());
             KubernetesClient proxied = new KubernetesClientBuilder()
                     .withConfig(new ConfigBuilder(cluster.config()).withMasterUrl(proxy.url()).build()).build()) {
            KustomizationApplyHandler handler = handler(proxied);
            ObjectKey key = create("impersonating", spec -> spec.setServiceAccountName("deployer"));

            handler.onManifests(rendering(key, configMaps("impersonated-cm")));

            assertThat(configMap("impersonated-cm")).isNotNull();
            List<RecordingProxy.Seen> applies = proxy.seen().stream()
                    .filter(s -> s.method().equals("PATCH") && s.path().contains("/configmaps/impersonated-cm")).toList();
            assertThat(applies).isNotEmpty().allSatisfy(s ->
                    assertThat(s.impersonateUser()).isEqualTo("system:serviceaccount:flux-system:deployer"));
            assertThat(proxy.seen().stream().filter(s -> s.path().contains("/kustomizations/impersonating")))
                    .as("the service reads and writes the Kustomization as itself").isNotEmpty()
                    .allSatisfy(s -> assertThat(s.impersonateUser()).isNull());
        }
    }

    @Test
    void restoredDesiredStateOfTheAppliedRevisionIsOnlyCheckedForDrift() {
        ObjectKey key = create("restarted", spec -> {
        });
        ManifestsRendered rendering = rendering(key, configMaps("restarted-cm"));
        handler(client()).onManifests(rendering);
        published.clear();
        KustomizationApplyHandler restarted = handler(client());
        restarted.desiredStates().restored(rendering);

        restarted.reconcile(key);
        assertThat(published).as("nothing drifted, nothing to report").isEmpty();

        client().configMaps().inNamespace("default").withName("restarted-cm").delete();
        restarted.reconcile(key);
        assertThat(configMap("restarted-cm")).isNotNull();
        assertThat(published(ObjectEvent.class)).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("DriftCorrected"));
    }

    @Test
    void deletedKustomizationWithPruneDeletesItsObjectsAndWithoutPruneLeavesThem() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey pruned = create("gone-pruned", spec -> spec.setPrune(true));
        ObjectKey kept = create("gone-kept", spec -> spec.setPrune(false));
        handler.onManifests(rendering(pruned, configMaps("gone-pruned-cm")));
        handler.onManifests(rendering(kept, configMaps("gone-kept-cm")));

        for (ObjectKey key : List.of(pruned, kept)) {
            Kustomization last = get(key);
            client().resources(Kustomization.class).inNamespace(NS).withName(key.name()).delete();
            handler.deleted(last, true);
        }

        assertThat(configMap("gone-pruned-cm")).isNull();
        assertThat(configMap("gone-kept-cm")).isNotNull();
        assertThat(published(ObjectEvent.class)).anySatisfy(e -> {
            assertThat(e.reason()).isEqualTo("GarbageCollected");
            assertThat(e.message()).contains("ConfigMap/default/gone-pruned-cm deleted");
        });
        assertThat(handler.desiredStates().get(pruned)).isEmpty();
    }

    @Test
    void onlyRequestsNewerThanTheLastHandledOneCount() {
        io.sluice.api.kustomize.KustomizationStatus status = new io.sluice.api.kustomize.KustomizationStatus();
        assertThat(ReconcileTriggers.newerThanHandled(status, Instant.parse("2026-01-01T00:00:00Z"))).isTrue();
        status.setLastHandledReconcileAt("2026-01-01T00:00:00Z");
        assertThat(ReconcileTriggers.newerThanHandled(status, Instant.parse("2026-01-01T00:00:00Z"))).isFalse();
        assertThat(ReconcileTriggers.newerThanHandled(status, Instant.parse("2026-01-01T00:00:01Z"))).isTrue();
        status.setLastHandledReconcileAt("by hand");
        assertThat(ReconcileTriggers.newerThanHandled(status, Instant.parse("2020-01-01T00:00:00Z"))).isTrue();
    }
}
