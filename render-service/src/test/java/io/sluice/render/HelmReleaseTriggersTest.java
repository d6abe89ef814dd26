package io.sluice.render;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.events.RenderedManifests;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.helm.HelmRendering;
import io.sluice.api.helm.ValuesReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.render.testing.ArtifactServer;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import io.sluice.sandbox.testing.TestKafka;
import io.sluice.sandbox.testing.TopicTail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.sluice.render.testing.HelmObjects.PODINFO;
import static io.sluice.render.testing.HelmObjects.createChartSource;
import static io.sluice.render.testing.HelmObjects.createHelmRelease;
import static io.sluice.render.testing.HelmObjects.packagedChart;
import static io.sluice.render.testing.HelmObjects.registerChartSourceCrds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HelmReleases through the running service, as Kustomizations go: created → rendered from its HelmChart's artifact
 * and published on {@code sluice.render.manifests}; a new chart artifact ({@code ArtifactReady}) and a reconcile
 * request render it again; a values failure is an error event on {@code sluice.events}.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(SandboxClusterResource.class)
class HelmReleaseTriggersTest {

    private static final String NS = "flux-system";
    private static ArtifactServer artifacts;
    private TopicTail manifests;
    private TopicTail events;

    @BeforeAll
    static void serveCharts() {
        artifacts = new ArtifactServer();
    }

    @AfterAll
    static void stopServing() {
        if (artifacts != null) {
            artifacts.close();
        }
    }

    @BeforeEach
    void tail() {
        registerChartSourceCrds(SandboxClusterResource.cluster());
        manifests = TopicTail.fromEnd("sluice.render.manifests");
        events = TopicTail.fromEnd("sluice.events");
    }

    @AfterEach
    void closeTails() {
        manifests.close();
        events.close();
    }

    private static KubernetesClient client() {
        return SandboxClusterResource.cluster().client();
    }

    private static HelmRendering rendering(ManifestsRendered event) {
        return HelmRendering.parse(((RenderedManifests.Inline) event.manifests()).yaml());
    }

    @Test
    void aHelmReleaseRendersWhenCreatedOnANewChartArtifactAndOnRequestAndReportsBadValues() {
        ObjectKey chart = ObjectKey.of("HelmChart", NS, NS + "-podinfo");
        createChartSource(client(), "HelmChart", NS, chart.name(), artifacts.artifact(chart, "6.5.4", packagedChart(PODINFO, "podinfo")), null);
        writeValues("podinfo-values", "replicaCount: 2\n");
        ValuesReference ref = new ValuesReference();
        ref.setKind("ConfigMap");
        ref.setName("podinfo-values");
        String key = ObjectKey.of(HelmRelease.KIND, NS, "podinfo").subject();

        createHelmRelease(client(), NS, "podinfo", "podinfo-repo", "podinfo", spec -> spec.setValuesFrom(List.of(ref)));
        ManifestsRendered first = manifests.next(key, ManifestsRendered.class);
        assertThat(first.sourceRevision()).isEqualTo("6.5.4");
        assertThat(rendering(first).manifest()).contains("replicas: 2");

        Instant pushed = Instant.parse("2026-12-08T01:00:00Z");
        ArtifactReady next = artifacts.artifact(chart, "6.5.5", packagedChart(PODINFO, "podinfo"), pushed);
        TestKafka.publish(next);
        ManifestsRendered second = manifests.next(key, ManifestsRendered.class);
        assertThat(second.sourceRevision()).isEqualTo("6.5.5");
        assertThat(second.pushReceivedAt()).isEqualTo(pushed);

        writeValues("podinfo-values", "replicaCount: 4\n");
        TestKafka.publish(new ReconcileRequested(ObjectKey.parse(key), Instant.now(), "render-test"));
        assertThat(rendering(manifests.next(key, ManifestsRendered.class)).manifest()).contains("replicas: 4");

        writeValues("podinfo-values", "replicaCount: [4\n");
        TestKafka.publish(new ReconcileRequested(ObjectKey.parse(key), Instant.now(), "render-test"));
        ObjectEvent failed = events.next(key, ObjectEvent.class);
        assertThat(failed.reason()).isEqualTo("ValuesError");
        assertThat(failed.message()).startsWith("could not resolve ConfigMap chart values reference 'flux-system/podinfo-values'");
    }

    private static void writeValues(String name, String yaml) {
        client().configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata()
                .addToData("values.yaml", yaml).build()).createOr(NonDeletingOperation::update);
    }
}
