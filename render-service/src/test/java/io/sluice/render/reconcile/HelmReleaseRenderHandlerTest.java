package io.sluice.render.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.Digest;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.RenderedManifests;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.helm.HelmRendering;
import io.sluice.api.helm.ValuesReference;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.kit.metrics.StageTimer;
import io.sluice.render.testing.ArtifactServer;
import io.sluice.sandbox.cluster.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.sluice.render.testing.HelmObjects.PODINFO;
import static io.sluice.render.testing.HelmObjects.condition;
import static io.sluice.render.testing.HelmObjects.createChartSource;
import static io.sluice.render.testing.HelmObjects.createHelmRelease;
import static io.sluice.render.testing.HelmObjects.editHelmRelease;
import static io.sluice.render.testing.HelmObjects.getHelmRelease;
import static io.sluice.render.testing.HelmObjects.packagedChart;
import static io.sluice.render.testing.HelmObjects.registerChartSourceCrds;
import static io.sluice.render.testing.HelmObjects.setChartArtifact;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One HelmRelease render at a time against the sandbox's in-memory Kubernetes API, events captured instead of sent
 * to Kafka: which chart artifact is rendered (spec.chart's HelmChart, spec.chartRef), what is published, what goes
 * into the status, and each bad input as helm-controller reports it.
 */
class HelmReleaseRenderHandlerTest {

    private static final String NS = "apps";
    private static SandboxCluster cluster;
    private static ArtifactServer artifacts;

    @TempDir
    Path store;
    private final List<SluiceEvent> sent = new CopyOnWriteArrayList<>();
    private HelmReleaseRenderHandler handler;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        registerChartSourceCrds(cluster);
        cluster.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(NS)
                .endMetadata().build()).createOr(NonDeletingOperation::update);
        artifacts = new ArtifactServer();
    }

    @AfterAll
    static void stop() {
        if (artifacts != null) {
            artifacts.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void handler() {
        handler = new HelmReleaseRenderHandler(client(), event -> {
            sent.add(event);
            return CompletableFuture.completedFuture(null);
        }, KustomizationRenderHandlerTest.settings(store), new StageTimer(new SimpleMeterRegistry(), Clock.systemUTC()),
                new ClusterChartArtifacts(client()));
    }

    private static KubernetesClient client() {
        return cluster.client();
    }

    /** A packaged podinfo chart served as the artifact of {@code source} at chart version {@code version}. */
    private static ArtifactReady podinfo(ObjectKey source, String version) {
        return artifacts.artifact(source, version, packagedChart(PODINFO, "podinfo"));
    }

    private static ObjectKey key(String name) {
        return ObjectKey.of(HelmRelease.KIND, NS, name);
    }

    private List<ManifestsRendered> rendered(String name) {
        return sent.stream().filter(ManifestsRendered.class::isInstance).map(ManifestsRendered.class::cast)
                .filter(e -> e.app().equals(key(name))).toList();
    }

    private List<ObjectEvent> errors(String name) {
        return sent.stream().filter(ObjectEvent.class::isInstance).map(ObjectEvent.class::cast)
                .filter(e -> e.involvedObject().equals(key(name))).toList();
    }

    private static HelmRendering rendering(ManifestsRendered event) {
        String json = ((RenderedManifests.Inline) event.manifests()).yaml();
        assertThat(event.digest()).as("the digest is the payload's").isEqualTo(Digest.sha256(json.getBytes(StandardCharsets.UTF_8)));
        return HelmRendering.parse(json);
    }

    @Test
    void aHelmReleaseOfSpecChartRendersItsHelmChartsArtifactOnceAndTheStatusSaysSo() {
        ArtifactReady chart = podinfo(ObjectKey.of("HelmChart", NS, NS + "-web"), "6.5.4");
        createChartSource(client(), "HelmChart", NS, NS + "-web", chart, null);
        createHelmRelease(client(), NS, "web", "podinfo", "podinfo", spec -> {
            spec.setValues(Map.of("replicaCount", 2));
            spec.setTargetNamespace("prod");
        });

        assertThat(handler.render(key("web"), null)).isEqualTo(Duration.ofMinutes(10));

        ManifestsRendered event = rendered("web").get(0);
        assertThat(event.sourceRevision()).isEqualTo("6.5.4");
        HelmRendering rendering = rendering(event);
        assertThat(rendering.releaseName()).isEqualTo("prod-web");
        assertThat(rendering.releaseNamespace()).isEqualTo("prod");
        assertThat(rendering.chart()).hasToString("podinfo@6.5.4");
        // as in Helm, objects without a namespace in their template get none here: the release namespace applies them
        assertThat(rendering.manifest()).contains("kind: Deployment").contains("replicas: 2").doesNotContain("namespace: prod")
                .contains("helm.toolkit.fluxcd.io/name: web");
        assertThat(rendering.release().get("hooks")).isNotEmpty();
        HelmRelease hr = getHelmRelease(client(), NS, "web");
        assertThat(hr.getStatus().getLastAttemptedRevision()).isEqualTo("6.5.4");
        assertThat(hr.getStatus().getLastAttemptedConfigDigest()).isEqualTo(rendering.configDigest());
        assertThat(hr.getStatus().getLastAttemptedValuesChecksum()).isEqualTo(rendering.valuesChecksum());
        assertThat(hr.getStatus().getHelmChart()).isEqualTo(NS + "/" + NS + "-web");
        assertThat(condition(client(), NS, "web", "Ready")).startsWith("Unknown Progressing: Fresh rendering of podinfo@6.5.4 published");

        handler.render(key("web"), null);
        assertThat(rendered("web")).as("same chart, same values: nothing new").hasSize(1);

        // source-service publishes a new chart version: its users render it
        ArtifactReady next = podinfo(chart.source(), "6.5.5");
        assertThat(handler.usersOf(chart.source())).containsExactly(key("web"));
        handler.render(key("web"), next);
        assertThat(rendered("web")).hasSize(2);
        assertThat(rendered("web").get(1).sourceRevision()).isEqualTo("6.5.5");
        assertThat(errors("web")).isEmpty();
    }

    @Test
    void aChartRefToAnOCIRepositoryRendersItsArtifact() {
        ArtifactReady chart = podinfo(ObjectKey.of("OCIRepository", NS, "podinfo-oci"), "6.5.4@sha256:" + "a".repeat(64));
        createChartSource(client(), "OCIRepository", NS, "podinfo-oci", chart, null);
        createHelmRelease(client(), NS, "oci", "unused", "unused", spec -> {
            spec.setChart(null);
            CrossNamespaceSourceReference ref = new CrossNamespaceSourceReference();
            ref.setKind("OCIRepository");
            ref.setName("podinfo-oci");
            spec.setChartRef(ref);
        });

        handler.render(key("oci"), null);

        assertThat(rendering(rendered("oci").get(0)).releaseName()).isEqualTo("oci");
        assertThat(handler.usersOf(chart.source())).containsExactly(key("oci"));
        assertThat(getHelmRelease(client(), NS, "oci").getStatus().getHelmChart()).isNull();
    }

    @Test
    void aMissingOrUnreadyChartSourceIsReportedAsFluxDoesAndRetriedAfterTheDependencyInterval() {
        createHelmRelease(client(), NS, "nochart", "podinfo", "podinfo", spec -> {
        });

        assertThat(handler.render(key("nochart"), null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(condition(client(), NS, "nochart", "Ready")).isEqualTo("False ArtifactFailed: could not get Source object: "
                + "HelmChart 'apps/apps-nochart' not found, retrying in 30s");
        assertThat(errors("nochart")).hasSize(1);
        handler.render(key("nochart"), null);
        assertThat(errors("nochart")).as("the same failure again: no second event").hasSize(1);

        createChartSource(client(), "HelmChart", NS, NS + "-nochart", null, "chart 'podinfo' version '9.9.9' not found");
        handler.render(key("nochart"), null);
        assertThat(condition(client(), NS, "nochart", "Ready")).isEqualTo("False SourceNotReady: HelmChart 'apps/apps-nochart'"
                + " is not ready: chart 'podinfo' version '9.9.9' not found, retrying in 30s");
        assertThat(rendered("nochart")).isEmpty();

        setChartArtifact(client(), "HelmChart", NS, NS + "-nochart", podinfo(ObjectKey.of("HelmChart", NS, NS + "-nochart"), "6.5.4"));
        handler.render(key("nochart"), null);
        assertThat(rendered("nochart")).hasSize(1);
        assertThat(condition(client(), NS, "nochart", "Ready")).startsWith("Unknown Progressing:");
    }

    @Test
    void valuesFromMissingBadOrOptionalAndTemplateErrorsFailWithFluxsReasons() {
        createChartSource(client(), "HelmChart", NS, NS + "-bad", podinfo(ObjectKey.of("HelmChart", NS, NS + "-bad"), "6.5.4"), null);
        createHelmRelease(client(), NS, "bad", "podinfo", "podinfo", spec -> spec.setValuesFrom(List.of(
                valuesRef("ConfigMap", "web-values", false), valuesRef("Secret", "web-secret", true))));

        handler.render(key("bad"), null);
        assertThat(condition(client(), NS, "bad", "Ready")).isEqualTo("False ValuesError: could not resolve ConfigMap chart values"
                + " reference 'apps/web-values' with key 'values.yaml': resource not found");
        assertThat(errors("bad")).extracting(ObjectEvent::reason).containsExactly("ValuesError");

        writeValues("web-values", "replicaCount: [unclosed\n");
        handler.render(key("bad"), null);
        assertThat(condition(client(), NS, "bad", "Ready")).startsWith("False ValuesError: could not resolve ConfigMap chart values"
                + " reference 'apps/web-values' with key 'values.yaml': failed to read values data:");

        // the schema refuses a string: Helm fails, reported as the install that would have failed
        writeValues("web-values", "replicaCount: three\n");
        handler.render(key("bad"), null);
        assertThat(condition(client(), NS, "bad", "Ready")).startsWith("False InstallFailed: Helm install failed for release"
                + " apps/bad with chart podinfo@6.5.4: ").contains("replicaCount");
        assertThat(condition(client(), NS, "bad", "Released")).startsWith("False InstallFailed:");
        assertThat(rendered("bad")).isEmpty();

        // the optional Secret is still missing: fine
        writeValues("web-values", "replicaCount: 3\n");
        handler.render(key("bad"), null);
        assertThat(rendering(rendered("bad").get(0)).manifest()).contains("replicas: 3");
        assertThat(errors("bad")).extracting(ObjectEvent::reason).containsExactly("ValuesError", "ValuesError", "InstallFailed");
    }

    @Test
    void aTemplateErrorAfterAReleaseIsAnUpgradeFailureAndADeletedReleaseIsForgotten() {
        createChartSource(client(), "HelmChart", NS, NS + "-tpl", podinfo(ObjectKey.of("HelmChart", NS, NS + "-tpl"), "6.5.4"), null);
        createHelmRelease(client(), NS, "tpl", "podinfo", "podinfo", spec -> {
        });
        handler.render(key("tpl"), null);
        assertThat(rendered("tpl")).hasSize(1);
        // apply-service released it once (history has an entry), then the values break the chart's templates
        HelmRelease released = getHelmRelease(client(), NS, "tpl");
        io.sluice.api.helm.Snapshot snapshot = new io.sluice.api.helm.Snapshot();
        snapshot.setName("tpl");
        snapshot.setNamespace(NS);
        snapshot.setVersion(1);
        released.getStatus().setHistory(List.of(snapshot));
        client().resources(HelmRelease.class).inNamespace(NS).resource(released).updateStatus();
        editHelmRelease(client(), NS, "tpl", hr -> hr.getSpec().setValues(Map.of("image", Map.of("repository", ""))));

        handler.render(key("tpl"), null);

        assertThat(condition(client(), NS, "tpl", "Ready")).startsWith("False UpgradeFailed: Helm upgrade failed for release"
                + " apps/tpl with chart podinfo@6.5.4: ");
        assertThat(rendered("tpl")).hasSize(1);

        client().resources(HelmRelease.class).inNamespace(NS).withName("tpl").delete();
        assertThat(handler.render(key("tpl"), null)).as("gone: no next run").isNull();
    }

    private static ValuesReference valuesRef(String kind, String name, boolean optional) {
        ValuesReference ref = new ValuesReference();
        ref.setKind(kind);
        ref.setName(name);
        ref.setOptional(optional);
        return ref;
    }

    private static void writeValues(String name, String yaml) {
        client().configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata()
                .addToData("values.yaml", yaml).build()).createOr(NonDeletingOperation::update);
    }
}
