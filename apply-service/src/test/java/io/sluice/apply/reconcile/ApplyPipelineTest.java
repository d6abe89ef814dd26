package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.events.ApplyCompleted;
import io.sluice.api.events.ChangeAction;
import io.sluice.api.events.ChangeSetEntry;
import io.sluice.api.events.Digest;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.RenderedManifests;
import io.sluice.api.events.Severity;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.fabric8.kubernetes.api.model.Condition;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import io.sluice.sandbox.testing.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The apply step through Kafka, against the sandbox cluster: ManifestsRendered on sluice.render.manifests →
 * objects in the cluster, the Kustomization's status (Ready, lastAppliedRevision, inventory), ApplyCompleted on
 * sluice.apply.result and ObjectEvents on sluice.events. The three steps build on each other, in order:
 * first apply, prune of a removed object, a refused revision that leaves everything as it was.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(SandboxClusterResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplyPipelineTest {

    private static final ObjectKey APP = ObjectKey.of("Kustomization", "flux-system", "apply-it");
    private static final String REV1 = "main@sha1:" + "1".repeat(40);
    private static final String REV2 = "main@sha1:" + "2".repeat(40);
    private static final String REV3 = "main@sha1:" + "3".repeat(40);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: apply-it
            """;
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: apply-it
            spec:
              replicas: 1
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: ghcr.io/stefanprodan/podinfo:6.5.0
            """;
    private static final String CONFIGMAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: apply-it
            data:
              colour: blue
            """;
    private static final String BAD_CONFIGMAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: Bad_Name
              namespace: apply-it
            data:
              colour: red
            """;

    private static KubernetesClient client() {
        return SandboxClusterResource.cluster().client();
    }

    private static void publish(String revision, String... documents) {
        String yaml = String.join("---\n", documents);
        TestKafka.publish(new ManifestsRendered(APP, revision, Digest.sha256(yaml.getBytes(StandardCharsets.UTF_8)),
                RenderedManifests.Inline.of(yaml)));
    }

    private static ApplyCompleted awaitApplyCompleted(String revision) {
        ConsumerRecord<String, byte[]> record = TestKafka.awaitRecord("sluice.apply.result", r -> APP.subject().equals(r.key())
                && TestKafka.CODEC.decode(r, ApplyCompleted.class).data().revision().equals(revision));
        return TestKafka.CODEC.decode(record, ApplyCompleted.class).data();
    }

    private static ObjectEvent awaitObjectEvent(String revision, Severity severity) {
        ConsumerRecord<String, byte[]> record = TestKafka.awaitRecord("sluice.events", r -> {
            if (!APP.subject().equals(r.key())) {
                return false;
            }
            ObjectEvent event = TestKafka.CODEC.decode(r, ObjectEvent.class).data();
            return revision.equals(event.revision()) && event.severity() == severity;
        });
        return TestKafka.CODEC.decode(record, ObjectEvent.class).data();
    }

    private static Kustomization kustomization() {
        return client().resources(Kustomization.class).inNamespace(APP.namespace()).withName(APP.name()).get();
    }

    private static Condition ready() {
        return Conditions.get(kustomization().getStatus(), "Ready").orElseThrow();
    }

    @Test
    @Order(1)
    void firstRevisionIsAppliedLabelledAndRecorded() {
        CrossNamespaceSourceReference ref = new CrossNamespaceSourceReference();
        ref.setKind("GitRepository");
        ref.setName("apply-it");
        KustomizationSpec spec = new KustomizationSpec();
        spec.setSourceRef(ref);
        spec.setPath("./deploy");
        spec.setInterval("1m");
        spec.setPrune(true);
        Kustomization ks = new Kustomization();
        ks.setMetadata(new ObjectMetaBuilder().withNamespace(APP.namespace()).withName(APP.name()).build());
        ks.setSpec(spec);
        client().resources(Kustomization.class).inNamespace(APP.namespace()).resource(ks).create();

        publish(REV1, NAMESPACE, CONFIGMAP, DEPLOYMENT);

        ApplyCompleted completed = awaitApplyCompleted(REV1);
        assertThat(completed.entries(ChangeAction.CREATED)).extracting(ChangeSetEntry::objectName)
                .containsExactlyInAnyOrder("Namespace/apply-it", "ConfigMap/apply-it/settings", "Deployment/apply-it/web");
        assertThat(completed.changeSet()).hasSize(3);

        for (var object : new io.fabric8.kubernetes.api.model.HasMetadata[]{
                client().namespaces().withName("apply-it").get(),
                client().configMaps().inNamespace("apply-it").withName("settings").get(),
                client().apps().deployments().inNamespace("apply-it").withName("web").get()}) {
            assertThat(object).isNotNull();
            assertThat(object.getMetadata().getLabels()).containsEntry("kustomize.toolkit.fluxcd.io/name", "apply-it")
                    .containsEntry("kustomize.toolkit.fluxcd.io/namespace", "flux-system");
        }

        await().atMost(WAIT).untilAsserted(() -> {
            Kustomization applied = kustomization();
            assertThat(applied.getStatus()).isNotNull();
            assertThat(applied.getStatus().getLastAppliedRevision()).isEqualTo(REV1);
            assertThat(applied.getStatus().getLastAttemptedRevision()).isEqualTo(REV1);
            assertThat(applied.getStatus().getInventory().getEntries()).hasSize(3);
            Condition ready = ready();
            assertThat(ready.getStatus()).isEqualTo("True");
            assertThat(ready.getReason()).isEqualTo("ReconciliationSucceeded");
            assertThat(ready.getMessage()).isEqualTo("Applied revision: " + REV1);
        });
        ObjectEvent info = awaitObjectEvent(REV1, Severity.INFO);
        assertThat(info.reason()).isEqualTo("ReconciliationSucceeded");
        assertThat(info.message()).contains("ConfigMap/apply-it/settings created");
    }

    @Test
    @Order(2)
    void removedObjectIsPrunedAndReportedDeleted() {
        publish(REV2, NAMESPACE, DEPLOYMENT);

        ApplyCompleted completed = awaitApplyCompleted(REV2);
        assertThat(completed.entries(ChangeAction.DELETED)).extracting(ChangeSetEntry::objectName)
                .containsExactly("ConfigMap/apply-it/settings");
        assertThat(completed.entries(ChangeAction.UNCHANGED)).extracting(ChangeSetEntry::objectName)
                .containsExactlyInAnyOrder("Namespace/apply-it", "Deployment/apply-it/web");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(client().configMaps().inNamespace("apply-it").withName("settings").get()).isNull();
            assertThat(kustomization().getStatus().getLastAppliedRevision()).isEqualTo(REV2);
            assertThat(kustomization().getStatus().getInventory().getEntries()).hasSize(2);
        });
    }

    @Test
    @Order(3)
    void refusedRevisionLeavesTheClusterAndLastAppliedRevisionAlone() {
        await().atMost(WAIT).until(() -> REV2.equals(kustomization().getStatus().getLastAppliedRevision()));
        Deployment before = client().apps().deployments().inNamespace("apply-it").withName("web").get();

        publish(REV3, NAMESPACE, DEPLOYMENT, BAD_CONFIGMAP);

        ObjectEvent error = awaitObjectEvent(REV3, Severity.ERROR);
        assertThat(error.reason()).isEqualTo("ReconciliationFailed");
        assertThat(error.message()).contains("ConfigMap/apply-it/Bad_Name");
        await().atMost(WAIT).untilAsserted(() -> {
            Kustomization failed = kustomization();
            assertThat(failed.getStatus().getLastAttemptedRevision()).isEqualTo(REV3);
            assertThat(failed.getStatus().getLastAppliedRevision()).isEqualTo(REV2);
            assertThat(failed.getStatus().getInventory().getEntries()).hasSize(2);
            Condition ready = ready();
            assertThat(ready.getStatus()).isEqualTo("False");
            assertThat(ready.getReason()).isEqualTo("ReconciliationFailed");
            assertThat(ready.getMessage()).contains("Bad_Name");
        });
        Deployment after = client().apps().deployments().inNamespace("apply-it").withName("web").get();
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
        assertThat(client().configMaps().inNamespace("apply-it").list().getItems())
                .noneMatch(cm -> cm.getMetadata().getName().equalsIgnoreCase("bad_name"));
    }
}
