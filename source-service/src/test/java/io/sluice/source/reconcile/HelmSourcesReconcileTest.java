package io.sluice.source.reconcile;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.messaging.Topic;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.HelmChart;
import io.sluice.api.source.HelmChartSpec;
import io.sluice.api.source.HelmRepository;
import io.sluice.api.source.HelmRepositorySpec;
import io.sluice.api.source.LocalHelmChartSourceReference;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import io.sluice.source.helm.ChartRepositoryServer;
import io.sluice.source.helm.TestCharts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HelmRepository and HelmChart end to end on real parts: the sandbox Kubernetes API, the embedded Kafka broker, a
 * chart repository served over HTTP on loopback, and this service's own HTTP server for downloads. Nothing calls a
 * reconciler: the informers, triggers and Kafka do it.
 */
@QuarkusTest
@TestProfile(ReconcileTestProfile.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class HelmSourcesReconcileTest {

    private static final String NS = "default";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ChartRepositoryServer charts;

    @BeforeAll
    static void serveCharts() throws Exception {
        charts = new ChartRepositoryServer();
    }

    @AfterAll
    static void stopCharts() {
        charts.close();
    }

    @Test
    void aChartIsPulledFromItsRepositoryAndANewVersionInTheIndexReachesItThroughTheRepository() throws Exception {
        charts.put("/stable/index.yaml", TestCharts.index("podinfo", "6.4.0", "6.5.0"))
                .put("/stable/podinfo-6.4.0.tgz", TestCharts.chart("podinfo", "6.4.0"))
                .put("/stable/podinfo-6.5.0.tgz", TestCharts.chart("podinfo", "6.5.0"))
                .put("/stable/podinfo-6.6.0.tgz", TestCharts.chart("podinfo", "6.6.0"));
        createRepository("stable", charts.url() + "/stable");
        createChart("default-podinfo", "stable");

        HelmChart ready = awaitChart("default-podinfo", "6.5.0");
        assertThat(Conditions.get(ready.getStatus(), ConditionTypes.READY).orElseThrow().getReason()).isEqualTo("ChartPullSucceeded");
        ArtifactReady chartReady = awaitArtifactReady(ObjectKey.of(HelmChart.KIND, NS, "default-podinfo"), 1).get(0);
        assertThat(chartReady.revision()).isEqualTo("6.5.0");
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(chartReady.url()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/gzip");
        assertThat(chartReady.digest().matches(download.body())).as("the served chart matches the announced digest").isTrue();
        assertThat(download.body()).isEqualTo(TestCharts.chart("podinfo", "6.5.0"));

        ArtifactReady indexReady = awaitArtifactReady(ObjectKey.of(HelmRepository.KIND, NS, "stable"), 1).get(0);
        HttpResponse<String> index = HTTP.send(HttpRequest.newBuilder(indexReady.url()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(index.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(index.body()).contains("\"6.5.0\"");

        // A new version in the index; `flux reconcile source helm stable` (a ReconcileRequested) fetches it, and the
        // repository's new artifact makes the chart pull the new version: the intervals (1h) cannot have done it.
        charts.put("/stable/index.yaml", TestCharts.index("podinfo", "6.4.0", "6.5.0", "6.6.0"));
        ReconcileKafka.publish(new ReconcileRequested(ObjectKey.of(HelmRepository.KIND, NS, "stable"), Instant.now(), "test"));
        awaitChart("default-podinfo", "6.6.0");
        assertThat(awaitArtifactReady(ObjectKey.of(HelmChart.KIND, NS, "default-podinfo"), 2).get(1).revision()).isEqualTo("6.6.0");
    }

    @Test
    void aChartWhoseRepositoryIsMissingSaysSoAndRecoversWhenItIsCreated() {
        charts.put("/late/index.yaml", TestCharts.index("app", "1.0.0")).put("/late/app-1.0.0.tgz", TestCharts.chart("app", "1.0.0"));
        HelmChartSpec spec = chartSpec("app", "late");
        create(chart("default-app", spec));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HelmChart chart = kube().resources(HelmChart.class).inNamespace(NS).withName("default-app").get();
            return chart.getStatus() != null && Conditions.get(chart.getStatus(), ConditionTypes.FETCH_FAILED)
                    .map(c -> "SourceUnavailable".equals(c.getReason())).orElse(false);
        });
        createRepository("late", charts.url() + "/late");
        awaitChart("default-app", "1.0.0");
    }

    private static void createRepository(String name, String url) {
        HelmRepositorySpec spec = new HelmRepositorySpec();
        spec.setUrl(url);
        spec.setInterval("1h");
        HelmRepository repo = new HelmRepository();
        repo.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(name).build());
        repo.setSpec(spec);
        kube().resources(HelmRepository.class).inNamespace(NS).resource(repo).create();
    }

    private static void createChart(String name, String repository) {
        create(chart(name, chartSpec("podinfo", repository)));
    }

    private static HelmChartSpec chartSpec(String chart, String repository) {
        HelmChartSpec spec = new HelmChartSpec();
        spec.setChart(chart);
        spec.setInterval("1h");
        LocalHelmChartSourceReference ref = new LocalHelmChartSourceReference();
        ref.setKind(HelmRepository.KIND);
        ref.setName(repository);
        spec.setSourceRef(ref);
        return spec;
    }

    private static HelmChart chart(String name, HelmChartSpec spec) {
        HelmChart chart = new HelmChart();
        chart.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(name).build());
        chart.setSpec(spec);
        return chart;
    }

    private static void create(HelmChart chart) {
        kube().resources(HelmChart.class).inNamespace(NS).resource(chart).create();
    }

    private static HelmChart awaitChart(String name, String revision) {
        HelmChart[] last = new HelmChart[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = kube().resources(HelmChart.class).inNamespace(NS).withName(name).get();
            return last[0] != null && last[0].getStatus() != null && last[0].getStatus().getArtifact() != null
                    && revision.equals(last[0].getStatus().getArtifact().getRevision());
        });
        return last[0];
    }

    private static List<ArtifactReady> awaitArtifactReady(ObjectKey key, int count) {
        List<ArtifactReady>[] found = new List[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found[0] = ReconcileKafka.events(Topic.SOURCE_ARTIFACT, key.subject(), ArtifactReady.class);
            return found[0].size() >= count;
        });
        assertThat(found[0]).hasSize(count);
        return found[0];
    }

    private static KubernetesClient kube() {
        return SandboxClusterResource.cluster().client();
    }
}
