package io.sluice.source.reconcile;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.LocalObjectReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.HelmChart;
import io.sluice.api.source.HelmChartSpec;
import io.sluice.api.source.HelmRepository;
import io.sluice.api.source.HelmRepositorySpec;
import io.sluice.api.source.LocalHelmChartSourceReference;
import io.sluice.sandbox.cluster.SandboxCluster;
import io.sluice.source.artifact.ArtifactStorage;
import io.sluice.source.helm.ChartRepositoryClient;
import io.sluice.source.helm.ChartRepositoryServer;
import io.sluice.source.helm.TestCharts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HelmCharts pulled from a HelmRepository without Quarkus: the sandbox Kubernetes API, chart packages served by a
 * real HTTP server on loopback, the HelmRepository's index artifact made by its own reconciler first.
 */
class HelmChartReconcilerTest {

    private static final String NS = "default";

    private static SandboxCluster cluster;
    private static ChartRepositoryServer server;
    @TempDir
    static Path data;
    private static ArtifactStorage storage;

    private final List<SluiceEvent> published = new CopyOnWriteArrayList<>();
    private final HelmRepositoryReconciler repositories = new HelmRepositoryReconciler(cluster.client(), new ChartRepositoryClient(), storage,
            new ArtifactUrls("http://source.test"), event -> CompletableFuture.completedFuture(null), "source-service", Duration.ofMinutes(10), Duration.ofSeconds(1));
    private final HelmChartReconciler charts = new HelmChartReconciler(cluster.client(), new ChartRepositoryClient(), storage,
            new ArtifactUrls("http://source.test"), event -> {
                published.add(event);
                return CompletableFuture.completedFuture(null);
            }, "source-service", Duration.ofMinutes(10), Duration.ofSeconds(1));

    @BeforeAll
    static void start() throws Exception {
        cluster = SandboxCluster.start();
        server = new ChartRepositoryServer();
        storage = new ArtifactStorage(data.resolve("artifacts"), 2);
    }

    @AfterAll
    static void stop() {
        server.close();
        cluster.close();
    }

    @Test
    void theNewestStableVersionIsPulledAsServedAndANewVersionIsANewArtifact() throws Exception {
        String repo = repository("podinfo", "6.4.0", "6.5.0", "7.0.0-rc.1");
        ObjectKey key = chart(unique("podinfo"), repo, spec -> { });

        assertThat(charts.reconcile(key)).isEqualTo(new Outcome(Duration.ofMinutes(5), true));

        HelmChart ready = get(key);
        Artifact artifact = ready.getStatus().getArtifact();
        assertThat(artifact.getRevision()).isEqualTo("6.5.0");
        assertThat(artifact.getPath()).endsWith(".tgz");
        assertThat(Files.readAllBytes(storage.find(artifact.getPath()).orElseThrow())).as("stored byte for byte as served")
                .isEqualTo(TestCharts.chart("podinfo", "6.5.0"));
        assertThat(ready.getStatus().getObservedChartName()).isEqualTo("podinfo");
        assertThat(ready.getStatus().getObservedSourceArtifactRevision())
                .isEqualTo(cluster.client().resources(HelmRepository.class).inNamespace(NS).withName(repo).get().getStatus().getArtifact().getRevision());
        assertThat(condition(ready, ConditionTypes.READY)).isEqualTo("True/ChartPullSucceeded/pulled 'podinfo' chart with version '6.5.0'");
        assertThat(condition(ready, ConditionTypes.ARTIFACT_IN_STORAGE)).isEqualTo("True/Succeeded/stored artifact: revision '6.5.0'");
        ArtifactReady announced = (ArtifactReady) published.get(0);
        assertThat(announced.revision()).isEqualTo("6.5.0");
        assertThat(announced.digest()).hasToString(artifact.getDigest());
        assertThat(((ObjectEvent) published.get(1)).reason()).isEqualTo("ChartPullSucceeded");

        int requestsBefore = server.requested().size();
        assertThat(charts.reconcile(key).newArtifact()).isFalse();
        assertThat(server.requested()).as("an up-to-date chart is not downloaded again").hasSize(requestsBefore);
        assertThat(published).hasSize(2);

        serve(repo, "podinfo", "6.4.0", "6.5.0", "6.6.0");
        repositories.reconcile(ObjectKey.of(HelmRepository.KIND, NS, repo));
        assertThat(charts.reconcile(key).newArtifact()).isTrue();
        assertThat(get(key).getStatus().getArtifact().getRevision()).isEqualTo("6.6.0");
    }

    @Test
    void rangesPickTheirVersionAndWhatIsNotThereIsAnInvalidChartReference() {
        String repo = repository("app", "1.0.0", "1.1.0", "2.0.0");
        ObjectKey ranged = chart(unique("ranged"), repo, spec -> {
            spec.setChart("app");
            spec.setVersion("~1.0");
        });
        charts.reconcile(ranged);
        assertThat(get(ranged).getStatus().getArtifact().getRevision()).isEqualTo("1.0.0");

        ObjectKey noMatch = chart(unique("nomatch"), repo, spec -> {
            spec.setChart("app");
            spec.setVersion(">=3.0.0");
        });
        charts.reconcile(noMatch);
        assertThat(condition(get(noMatch), ConditionTypes.FETCH_FAILED)).startsWith("True/InvalidChartReference/failed to get chart version"
                + " for remote reference: no 'app' chart with version matching '>=3.0.0' found");

        ObjectKey noChart = chart(unique("nochart"), repo, spec -> spec.setChart("nginx"));
        charts.reconcile(noChart);
        assertThat(condition(get(noChart), ConditionTypes.READY)).isEqualTo("False/InvalidChartReference/failed to get chart version for"
                + " remote reference: no chart name found: HelmRepository '" + repo + "' has no chart 'nginx'; check spec.chart");
    }

    @Test
    void aMissingSourceNoIndexYetAndBrokenPackagesAreClearFailures() {
        ObjectKey noSource = chart(unique("nosource"), "does-not-exist", spec -> { });
        charts.reconcile(noSource);
        assertThat(condition(get(noSource), ConditionTypes.FETCH_FAILED)).isEqualTo("True/SourceUnavailable/failed to get source:"
                + " HelmRepository 'default/does-not-exist' not found; create it or fix spec.sourceRef");

        String pending = unique("pending");
        createRepository(pending, server.url() + "/" + pending);
        ObjectKey noArtifact = chart(unique("noartifact"), pending, spec -> { });
        assertThat(charts.reconcile(noArtifact).next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(condition(get(noArtifact), ConditionTypes.FETCH_FAILED))
                .isEqualTo("True/NoSourceArtifact/no artifact available for HelmRepository source '" + pending + "'");

        String repo = repository("podinfo", "6.5.0");
        server.put("/" + repo + "/podinfo-6.5.0.tgz", "this is not a chart");
        ObjectKey garbage = chart(unique("garbage"), repo, spec -> { });
        charts.reconcile(garbage);
        assertThat(condition(get(garbage), ConditionTypes.FETCH_FAILED)).startsWith("True/ChartPullError/failed to download chart for remote reference:")
                .contains("is not a gzip-compressed tar");

        server.put("/" + repo + "/podinfo-6.5.0.tgz", TestCharts.chart("nginx", "6.5.0"));
        charts.reconcile(garbage);
        assertThat(condition(get(garbage), ConditionTypes.FETCH_FAILED)).endsWith("holds the chart 'nginx', not 'podinfo'");

        String gone = repository("podinfo", "6.5.0");
        server.remove("/" + gone + "/podinfo-6.5.0.tgz");
        ObjectKey missing = chart(unique("missing"), gone, spec -> { });
        charts.reconcile(missing);
        assertThat(condition(get(missing), ConditionTypes.FETCH_FAILED)).isEqualTo("True/ChartPullError/failed to download chart for remote reference:"
                + " failed to fetch " + server.url() + "/" + gone + "/podinfo-6.5.0.tgz : 404 Not Found; the repository's index lists a package it does not serve");
    }

    @Test
    void theRepositorysCredentialsGoToItsOwnHostAndToOthersOnlyWithPassCredentials() throws Exception {
        try (ChartRepositoryServer locked = new ChartRepositoryServer().basicAuth("robot", "s3cret");
             ChartRepositoryServer elsewhere = new ChartRepositoryServer()) {
            // The index lists one chart on the repository's own host and one on another: another port is another host to
            // Helm, which compares host:port.
            String otherHost = elsewhere.url();
            locked.put("/index.yaml", "apiVersion: v1\nentries:\n  podinfo:\n  - name: podinfo\n    version: 1.0.0\n    urls: [podinfo-1.0.0.tgz]\n"
                            + "  app:\n  - name: app\n    version: 2.0.0\n    urls: [" + otherHost + "/app-2.0.0.tgz]\n")
                    .put("/podinfo-1.0.0.tgz", TestCharts.chart("podinfo", "1.0.0"));
            elsewhere.put("/app-2.0.0.tgz", TestCharts.chart("app", "2.0.0"));
            String auth = unique("auth");
            GitRepositoryFixtures.createSecret(cluster.client(), NS, auth, Map.of("username", "robot", "password", "s3cret"));
            String repo = unique("locked");
            createRepository(repo, locked.url(), auth, false);
            repositories.reconcile(ObjectKey.of(HelmRepository.KIND, NS, repo));

            ObjectKey own = chart(unique("own"), repo, spec -> { });
            charts.reconcile(own);
            assertThat(get(own).getStatus().getArtifact().getRevision()).as("the repository's own host gets the credentials").isEqualTo("1.0.0");

            ObjectKey other = chart(unique("other"), repo, spec -> spec.setChart("app"));
            charts.reconcile(other);
            assertThat(elsewhere.requested()).containsExactly("/app-2.0.0.tgz|-");

            String passing = unique("passing");
            createRepository(passing, locked.url(), auth, true);
            repositories.reconcile(ObjectKey.of(HelmRepository.KIND, NS, passing));
            charts.reconcile(chart(unique("passed"), passing, spec -> spec.setChart("app")));
            assertThat(elsewhere.requested()).hasSize(2).last().asString().startsWith("/app-2.0.0.tgz|Basic ");
        }
    }

    @Test
    void whatSluiceCannotBuildYetIsRefusedNotBuiltWithoutIt() {
        String repo = repository("podinfo", "6.5.0");
        ObjectKey fromGit = chart(unique("fromgit"), repo, spec -> spec.getSourceRef().setKind("GitRepository"));
        assertThat(charts.reconcile(fromGit)).isEqualTo(Outcome.idle());
        assertThat(condition(get(fromGit), ConditionTypes.STALLED)).startsWith("True/UnsupportedSourceKind/charts from a GitRepository are not supported");

        ObjectKey values = chart(unique("values"), repo, spec -> spec.setValuesFiles(List.of("values-prod.yaml")));
        charts.reconcile(values);
        assertThat(condition(get(values), ConditionTypes.STALLED)).startsWith("True/ValuesFilesError/spec.valuesFiles is not supported");
        assertThat(get(values).getStatus().getArtifact()).isNull();

        ObjectKey bucket = chart(unique("bucket"), repo, spec -> spec.getSourceRef().setKind("OCIRepository"));
        charts.reconcile(bucket);
        assertThat(condition(get(bucket), ConditionTypes.STALLED)).isEqualTo("True/UnsupportedSourceKind/failed to get source:"
                + " unsupported source kind 'OCIRepository', must be one of: [HelmRepository GitRepository Bucket]");
    }

    /** A HelmRepository serving {@code versions} of {@code chart}, reconciled so that it has its index artifact. */
    private String repository(String chart, String... versions) {
        String name = unique("repo");
        serve(name, chart, versions);
        createRepository(name, server.url() + "/" + name);
        assertThat(repositories.reconcile(ObjectKey.of(HelmRepository.KIND, NS, name)).newArtifact()).isTrue();
        return name;
    }

    private static void serve(String repo, String chart, String... versions) {
        server.put("/" + repo + "/index.yaml", TestCharts.index(chart, versions));
        for (String version : versions) {
            server.put("/" + repo + "/" + chart + "-" + version + ".tgz", TestCharts.chart(chart, version));
        }
    }

    private static void createRepository(String name, String url) {
        createRepository(name, url, null, false);
    }

    private static void createRepository(String name, String url, String secret, boolean passCredentials) {
        HelmRepositorySpec spec = new HelmRepositorySpec();
        spec.setUrl(url);
        if (secret != null) {
            LocalObjectReference ref = new LocalObjectReference();
            ref.setName(secret);
            spec.setSecretRef(ref);
        }
        spec.setPassCredentials(passCredentials);
        spec.setInterval("10m");
        HelmRepository repo = new HelmRepository();
        repo.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(name).build());
        repo.setSpec(spec);
        cluster.client().resources(HelmRepository.class).inNamespace(NS).resource(repo).create();
    }

    private static ObjectKey chart(String name, String repository, Consumer<HelmChartSpec> customize) {
        HelmChartSpec spec = new HelmChartSpec();
        spec.setChart("podinfo");
        spec.setInterval("5m");
        LocalHelmChartSourceReference ref = new LocalHelmChartSourceReference();
        ref.setKind("HelmRepository");
        ref.setName(repository);
        spec.setSourceRef(ref);
        customize.accept(spec);
        HelmChart chart = new HelmChart();
        chart.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(name).build());
        chart.setSpec(spec);
        cluster.client().resources(HelmChart.class).inNamespace(NS).resource(chart).create();
        return ObjectKey.of(HelmChart.KIND, NS, name);
    }

    private static HelmChart get(ObjectKey key) {
        return cluster.client().resources(HelmChart.class).inNamespace(NS).withName(key.name()).get();
    }

    private static String condition(HelmChart chart, String type) {
        return Conditions.get(chart.getStatus(), type).map(c -> c.getStatus() + "/" + c.getReason() + "/" + c.getMessage()).orElse("absent");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
