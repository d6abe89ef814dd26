package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.events.ApplyCompleted;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.DependencyReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.ReconcileAnnotation;
import io.sluice.kit.reconcile.ReconcileScheduler;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import io.sluice.sandbox.testing.PrometheusText;
import io.sluice.sandbox.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconcile loop of the running service, through Kafka, against the sandbox: drift corrected on
 * {@code spec.interval} (and nothing written when nothing drifted), ReconcileRequested, dependsOn ordering,
 * suspend and resume through the Kustomization watcher, and desired states restored from
 * {@code render.manifests} applied by a fresh handler without a new rendering. Each test uses its own
 * Kustomizations and deletes them at the end, so their loops stop.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(SandboxClusterResource.class)
class ReconcileLoopTest {

    private static final String NS = ReconcileFixtures.NS;
    private static final String REV = "main@sha1:" + "c".repeat(40);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static KubernetesClient client() {
        return SandboxClusterResource.cluster().client();
    }

    private static ObjectKey create(String name, Consumer<KustomizationSpec> customize) {
        return ReconcileFixtures.createKustomization(client(), name, "loop", "1h", customize);
    }

    private static void delete(ObjectKey... keys) {
        for (ObjectKey key : keys) {
            client().resources(Kustomization.class).inNamespace(NS).withName(key.name()).delete();
        }
    }

    private static void changeSpec(ObjectKey key, Consumer<KustomizationSpec> change) {
        client().resources(Kustomization.class).inNamespace(NS).withName(key.name()).edit(ks -> {
            change.accept(ks.getSpec());
            return ks;
        });
    }

    private static Kustomization get(ObjectKey key) {
        return client().resources(Kustomization.class).inNamespace(NS).withName(key.name()).get();
    }

    private static ManifestsRendered rendering(ObjectKey app, String configMap) {
        return ReconcileFixtures.inline(app, REV, ReconcileFixtures.configMapYaml(configMap));
    }

    private static ConfigMap configMap(String name) {
        return client().configMaps().inNamespace("default").withName(name).get();
    }

    private static void awaitApplied(ObjectKey key) {
        await().atMost(WAIT).until(() -> get(key).getStatus() != null && REV.equals(get(key).getStatus().getLastAppliedRevision())
                && Conditions.isTrue(get(key).getStatus(), "Ready"));
    }

    private static ObjectEvent awaitEvent(ObjectKey key, String reason) {
        ConsumerRecord<String, byte[]> record = TestKafka.awaitRecord("sluice.events", r -> key.subject().equals(r.key())
                && reason.equals(TestKafka.CODEC.decode(r, ObjectEvent.class).data().reason()));
        return TestKafka.CODEC.decode(record, ObjectEvent.class).data();
    }

    private static int applyCompletedCount(ObjectKey key) {
        return TopicReader.records("sluice.apply.result", key.subject()).size();
    }

    @Test
    void driftIsCorrectedOnTheIntervalAndAnUndriftedIntervalWritesNothing() throws InterruptedException {
        ObjectKey key = create("loop-drift", spec -> spec.setInterval("2s"));
        TestKafka.publish(rendering(key, "loop-drift-cm"));
        awaitApplied(key);

        client().configMaps().inNamespace("default").withName("loop-drift-cm").edit(cm -> {
            cm.getData().put("colour", "red");
            return cm;
        });

        await().atMost(WAIT).until(() -> "blue".equals(configMap("loop-drift-cm").getData().get("colour")));
        ObjectEvent drift = awaitEvent(key, "DriftCorrected");
        assertThat(drift.message()).isEqualTo("drift corrected on 1 object: ConfigMap/default/loop-drift-cm configured");

        // settle: the run that restored it may still be writing; then two quiet intervals must change nothing
        Thread.sleep(2500);
        String kustomizationVersion = get(key).getMetadata().getResourceVersion();
        String objectVersion = configMap("loop-drift-cm").getMetadata().getResourceVersion();
        int completed = applyCompletedCount(key);
        Thread.sleep(5000);
        assertThat(get(key).getMetadata().getResourceVersion()).isEqualTo(kustomizationVersion);
        assertThat(configMap("loop-drift-cm").getMetadata().getResourceVersion()).isEqualTo(objectVersion);
        assertThat(applyCompletedCount(key)).isEqualTo(completed);
        delete(key);
    }

    @Test
    void reconcileRequestReappliesNowAndSetsLastHandledReconcileAt() {
        ObjectKey key = create("loop-request", spec -> {
        });
        TestKafka.publish(rendering(key, "loop-request-cm"));
        awaitApplied(key);
        client().configMaps().inNamespace("default").withName("loop-request-cm").delete();
        Instant requestedAt = Instant.now();

        TestKafka.publish(new ReconcileRequested(key, requestedAt, "reconcile-loop-test"));

        await().atMost(WAIT).until(() -> configMap("loop-request-cm") != null
                && requestedAt.toString().equals(get(key).getStatus().getLastHandledReconcileAt()));
        assertThat(awaitEvent(key, "DriftCorrected").message()).contains("ConfigMap/default/loop-request-cm created");
        delete(key);
    }

    @Test
    void oneRequestCarriedByKafkaAndTheAnnotationRunsOnce() throws InterruptedException {
        ObjectKey key = create("loop-request-twice", spec -> {
        });
        TestKafka.publish(rendering(key, "loop-request-twice-cm"));
        awaitApplied(key);
        double runsBefore = runs(key);
        Instant requestedAt = Instant.now();

        // what 'sluice reconcile ks' sends: the request on Kafka, then Flux's annotation with the same time; the
        // annotation reaches the watcher once the request's run is under way or done (here: done)
        TestKafka.publish(new ReconcileRequested(key, requestedAt, "reconcile-loop-test"));
        await().atMost(WAIT).until(() -> requestedAt.toString().equals(get(key).getStatus().getLastHandledReconcileAt()));
        client().resources(Kustomization.class).inNamespace(NS).withName(key.name()).edit(ks -> {
            Map<String, String> annotations = ks.getMetadata().getAnnotations() == null ? new HashMap<>() : ks.getMetadata().getAnnotations();
            annotations.put(ReconcileAnnotation.REQUESTED_AT, requestedAt.toString());
            ks.getMetadata().setAnnotations(annotations);
            return ks;
        });

        Thread.sleep(2000); // a second run would start within this
        assertThat(runs(key) - runsBefore).as("runs for one request").isEqualTo(1.0);
        delete(key);
    }

    /** gotk_reconcile_duration_seconds_count of the Kustomization: how many runs it had. */
    private static double runs(ObjectKey key) {
        return PrometheusText.sample(PrometheusText.scrape(), "gotk_reconcile_duration_seconds_count", "kind", "Kustomization",
                "name", key.name(), "namespace", NS).orElse(0.0);
    }

    @Test
    void dependencyIsAppliedFirstAndItsDependentRightAfter() {
        ObjectKey base = create("loop-base", spec -> {
        });
        ObjectKey app = create("loop-app", spec -> {
            DependencyReference dep = new DependencyReference();
            dep.setName("loop-base");
            spec.setDependsOn(List.of(dep));
            spec.setRetryInterval("1h"); // only "the dependency became ready" can bring it on within the test
        });

        TestKafka.publish(rendering(app, "loop-app-cm"));
        TestKafka.publish(rendering(base, "loop-base-cm"));

        awaitApplied(app); // within seconds, not after its 1 h retry interval
        awaitEvent(base, "ReconciliationSucceeded");
        ObjectEvent appApplied = awaitEvent(app, "ReconciliationSucceeded");
        // A's apply came after B became Ready (conditions have second resolution); the dependency check made it wait
        Instant baseReadyAt = Instant.parse(Conditions.get(get(base).getStatus(), "Ready").orElseThrow().getLastTransitionTime());
        assertThat(appApplied.timestamp()).isAfterOrEqualTo(baseReadyAt);
        assertThat(configMap("loop-base-cm")).isNotNull();
        assertThat(configMap("loop-app-cm")).isNotNull();
        delete(app, base);
    }

    @Test
    void suspendedKustomizationIsLeftAloneAndResumesWhenUnsuspended() throws InterruptedException {
        ObjectKey key = create("loop-suspend", spec -> spec.setInterval("2s"));
        TestKafka.publish(rendering(key, "loop-suspend-cm"));
        awaitApplied(key);

        changeSpec(key, spec -> spec.setSuspend(true));
        Thread.sleep(1000); // the watcher sees the new generation
        client().configMaps().inNamespace("default").withName("loop-suspend-cm").delete();
        Thread.sleep(5000);
        assertThat(configMap("loop-suspend-cm")).as("suspended: no drift correction").isNull();

        changeSpec(key, spec -> spec.setSuspend(false));
        await().atMost(WAIT).until(() -> configMap("loop-suspend-cm") != null);
        await().atMost(WAIT).until(() -> get(key).getMetadata().getGeneration().equals(get(key).getStatus().getObservedGeneration()));
        delete(key);
    }

    @Test
    void desiredStateRestoredFromTheTopicIsAppliedWithoutANewRendering() {
        ObjectKey key = create("loop-restore", spec -> {
        });
        TestKafka.publish(rendering(key, "loop-restore-cm"));
        awaitApplied(key);
        client().configMaps().inNamespace("default").withName("loop-restore-cm").delete();

        // a fresh handler, as after a restart: nothing in memory, everything read back from render.manifests
        RenderingsRestore restore = new RenderingsRestore(Map.of(), EmbeddedKafkaResource.kafka().bootstrapServers(),
                record -> TestKafka.CODEC.decode(record, ManifestsRendered.class).data(), WAIT);
        Map<TopicPartition, Long> ends = TopicReader.endOffsets("sluice.render.manifests");
        List<ManifestsRendered> restored = restore.read(ends, ends).renderings(); // all committed: nothing in a backlog
        assertThat(restored).extracting(ManifestsRendered::app).contains(key);
        KustomizationApplyHandler fresh = ReconcileFixtures.handler(client(), event -> { });
        restored.forEach(fresh.desiredStates()::restored);
        try (ReconcileScheduler scheduler = new ReconcileScheduler(1, k -> fresh.reconcile(k).next(), k -> true)) {
            scheduler.requestAfter(key, Duration.ofSeconds(1)); // the restored interval run

            await().atMost(WAIT).until(() -> configMap("loop-restore-cm") != null);
        }
        delete(key);
    }

    @Test
    void restoreReadsOnlyRecordsBelowTheCommittedPosition() {
        ObjectKey key = ObjectKey.of("Kustomization", NS, "loop-restore-position"); // no such object: nothing applied
        TestKafka.publish(rendering(key, "first"));
        TestKafka.publish(rendering(key, "second"));
        List<ConsumerRecord<String, byte[]>> records = TopicReader.records("sluice.render.manifests", key.subject());
        assertThat(records).hasSize(2);
        TopicPartition partition = new TopicPartition(records.get(0).topic(), records.get(0).partition());
        RenderingsRestore restore = new RenderingsRestore(Map.of(), EmbeddedKafkaResource.kafka().bootstrapServers(),
                record -> TestKafka.CODEC.decode(record, ManifestsRendered.class).data(), WAIT);

        Map<TopicPartition, Long> end = Map.of(partition, records.get(1).offset() + 1);

        // other apps' renderings share the partition; only this app's matter here
        RenderingsRestore.Restored secondInBacklog = restore.read(Map.of(partition, records.get(1).offset()), end);
        assertThat(secondInBacklog.renderings())
                .filteredOn(r -> r.app().equals(key)).singleElement()
                .satisfies(r -> assertThat(r.digest()).isEqualTo(rendering(key, "first").digest()));
        assertThat(secondInBacklog.lastInBacklog().get(partition)).containsEntry(key.subject(), records.get(1).offset());
        assertThat(restore.read(end, end).renderings())
                .filteredOn(r -> r.app().equals(key)).singleElement()
                .satisfies(r -> assertThat(r.digest()).isEqualTo(rendering(key, "second").digest()));
        assertThat(restore.read(Map.of(partition, 0L), end).renderings()).as("nothing committed: everything is new work").isEmpty();
    }

    @Test
    void pushReceivedAtIsCarriedToApplyCompleted() {
        ObjectKey key = create("loop-push", spec -> {
        });
        Instant pushed = Instant.now().minusSeconds(1);

        TestKafka.publish(rendering(key, "loop-push-cm").withPushReceivedAt(pushed));

        ConsumerRecord<String, byte[]> record = TestKafka.awaitRecord("sluice.apply.result", r -> key.subject().equals(r.key()));
        assertThat(TestKafka.CODEC.decode(record, ApplyCompleted.class).data().pushReceivedAt()).isEqualTo(pushed);
        await().atMost(WAIT).untilAsserted(() -> {
            String scrape = PrometheusText.scrape();
            assertThat(scrape.lines().filter(line -> line.startsWith("sluice_push_to_applied_seconds_count"))
                    .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))).singleElement()
                    .satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(1));
            assertThat(PrometheusText.sample(scrape, "sluice_stage_duration_seconds_count", "stage", "apply"))
                    .hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(1));
            assertThat(PrometheusText.sample(scrape, "gotk_reconcile_condition", "kind", "Kustomization", "name", "loop-push",
                    "namespace", NS, "type", "Ready", "status", "True")).contains(1.0);
            assertThat(PrometheusText.sample(scrape, "gotk_reconcile_condition", "kind", "Kustomization", "name", "loop-push",
                    "namespace", NS, "type", "Ready", "status", "False")).contains(0.0);
            assertThat(PrometheusText.sample(scrape, "gotk_reconcile_duration_seconds_count", "kind", "Kustomization",
                    "name", "loop-push", "namespace", NS)).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(1));
        });
        delete(key);
    }
}
