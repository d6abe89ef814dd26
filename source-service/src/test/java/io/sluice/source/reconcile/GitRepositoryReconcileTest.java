package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.CloneUrls;
import io.sluice.api.events.Digest;
import io.sluice.api.events.GitProvider;
import io.sluice.api.events.GitPushed;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.events.Severity;
import io.sluice.api.messaging.Topic;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositorySpec;
import io.sluice.kit.metrics.StageTimer;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.git.LocalGitServer;
import io.sluice.sandbox.git.LocalGitServerResource;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import io.sluice.source.artifact.ArtifactReader;
import io.sluice.source.artifact.SourceFile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconciler end to end on real parts: the sandbox Kubernetes API, a Git server over smart HTTP with Basic
 * auth, the embedded Kafka broker, and this service's own HTTP server for downloads.
 */
@QuarkusTest
@TestProfile(ReconcileTestProfile.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class GitRepositoryReconcileTest {

    private static final String NS = "default";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    MeterRegistry registry;

    @Test
    void newRepositoryGetsAnArtifactThenAPushGetsANewOneAndTheSameRevisionIsNotAnnouncedTwice() throws Exception {
        String name = "podinfo";
        String first = newRepository(name, Map.of("kustomization.yaml", "resources: []\n", "logo.png", "x"));
        createSecret(name + "-auth", ReconcileTestProfile.GIT_PASSWORD);
        createGitRepository(name, spec(name, name + "-auth"));

        GitRepository ready = awaitRepository(name, r -> Conditions.isTrue(r.getStatus(), ConditionTypes.READY));
        Artifact artifact = ready.getStatus().getArtifact();
        assertThat(artifact.getRevision()).isEqualTo("main@sha1:" + first);
        assertThat(artifact.getDigest()).startsWith("sha256:");
        assertThat(artifact.getPath()).isEqualTo("gitrepository/default/podinfo/" + Digest.parse(artifact.getDigest()).hex() + ".tar.gz");
        assertThat(artifact.getUrl()).endsWith("/artifacts/" + artifact.getPath());
        assertThat(artifact.getLastUpdateTime()).isNotBlank();
        assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
        String message = "stored artifact for revision 'main@sha1:" + first + "'";
        assertThat(Conditions.get(ready.getStatus(), ConditionTypes.READY).orElseThrow().getReason()).isEqualTo(Reasons.SUCCEEDED);
        assertThat(Conditions.get(ready.getStatus(), ConditionTypes.READY).orElseThrow().getMessage()).isEqualTo(message);
        assertThat(Conditions.get(ready.getStatus(), ConditionTypes.ARTIFACT_IN_STORAGE).orElseThrow().getMessage()).isEqualTo(message);
        assertThat(Conditions.get(ready.getStatus(), ConditionTypes.FETCH_FAILED)).isEmpty();

        ArtifactReady announced = awaitArtifactReady(name, 1).get(0);
        assertThat(announced.revision()).isEqualTo(artifact.getRevision());
        assertThat(announced.digest().toString()).isEqualTo(artifact.getDigest());
        assertThat(announced.url().toString()).isEqualTo(artifact.getUrl());
        assertThat(announced.size()).isEqualTo(artifact.getSize());
        assertThat(announced.pushReceivedAt()).as("the first fetch was not caused by a push").isNull();
        byte[] bytes = download(announced.url());
        assertThat(announced.digest().matches(bytes)).as("downloaded bytes match the announced digest").isTrue();
        assertThat(files(bytes)).as("logo.png is excluded by Flux's defaults").containsExactly("kustomization.yaml");

        // A push: new commit on the server, and the gateway's GitPushed (simulated here with the codec).
        String second = git().commitFiles(name, "main", Map.of("app.yaml", "kind: ConfigMap\n"), "second").name();
        Instant pushed = Instant.now();
        ReconcileKafka.publish(new GitPushed(GitProvider.GITHUB, new CloneUrls(git().url(name).toString(), null),
                "refs/heads/main", first, second, "delivery-" + second, pushed));
        GitRepository updated = awaitRepository(name, r -> r.getStatus().getArtifact().getRevision().equals("main@sha1:" + second));
        Duration pushToArtifact = Duration.between(pushed, Instant.now());
        assertThat(pushToArtifact).as("interval is 1h: only the push can have caused this").isLessThan(Duration.ofSeconds(20));
        List<ArtifactReady> both = awaitArtifactReady(name, 2);
        assertThat(both.get(1).revision()).isEqualTo("main@sha1:" + second);
        assertThat(both.get(1).pushReceivedAt()).as("the push's receipt time travels on for push-to-applied latency")
                .isEqualTo(pushed);
        assertThat(both.get(1).digest().toString()).isEqualTo(updated.getStatus().getArtifact().getDigest());
        assertThat(files(download(both.get(1).url()))).containsExactly("app.yaml", "kustomization.yaml");

        // The gateway's ReconcileRequested from the same delivery (same instant as the push) fetches nothing again.
        long fetchesAfterPush = fetches();
        ReconcileKafka.publish(new ReconcileRequested(key(name), pushed, "webhook-gateway"));

        // Same revision again (a reconcile request): no second ArtifactReady, lastHandledReconcileAt recorded.
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ReconcileKafka.publish(new ReconcileRequested(key(name), requestedAt, "test"));
        awaitRepository(name, r -> requestedAt.toString().equals(r.getStatus().getLastHandledReconcileAt()));
        assertThat(ReconcileKafka.events(Topic.SOURCE_ARTIFACT, key(name).subject(), ArtifactReady.class)).hasSize(2);
        assertThat(fetches() - fetchesAfterPush).as("one fetch for the test's request, none for the push's twin request")
                .isEqualTo(1);
    }

    @Test
    void authenticationFailureSetsReadyFalsePublishesAnErrorAndKeepsTheLastArtifact() throws Exception {
        String name = "locked";
        newRepository(name, Map.of("a.yaml", "a: 1\n"));
        createSecret(name + "-auth", ReconcileTestProfile.GIT_PASSWORD);
        createGitRepository(name, spec(name, name + "-auth"));
        Artifact good = awaitRepository(name, r -> Conditions.isTrue(r.getStatus(), ConditionTypes.READY)).getStatus().getArtifact();

        createSecret(name + "-auth", "wrong-password");
        ReconcileKafka.publish(new ReconcileRequested(key(name), Instant.now(), "test"));
        GitRepository failed = awaitRepository(name, r -> Conditions.isFalse(r.getStatus(), ConditionTypes.READY));

        var readyCondition = Conditions.get(failed.getStatus(), ConditionTypes.READY).orElseThrow();
        assertThat(readyCondition.getReason()).isEqualTo(Reasons.GIT_OPERATION_FAILED);
        assertThat(readyCondition.getMessage()).startsWith("failed to checkout and determine revision: ")
                .contains("authentication failed").doesNotContain("wrong-password");
        var fetchFailed = Conditions.get(failed.getStatus(), ConditionTypes.FETCH_FAILED).orElseThrow();
        assertThat(fetchFailed.getStatus()).isEqualTo(Conditions.TRUE);
        assertThat(fetchFailed.getMessage()).isEqualTo(readyCondition.getMessage());
        assertThat(failed.getStatus().getArtifact().getDigest()).as("the last good artifact stays").isEqualTo(good.getDigest());
        assertThat(Digest.parse(good.getDigest()).matches(download(URI.create(good.getUrl())))).as("and is still served").isTrue();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ObjectEvent> errors = ReconcileKafka.events(Topic.EVENTS, key(name).subject(), ObjectEvent.class).stream()
                    .filter(e -> e.severity() == Severity.ERROR).toList();
            assertThat(errors).isNotEmpty();
            assertThat(errors.get(0).reason()).isEqualTo(Reasons.GIT_OPERATION_FAILED);
            assertThat(errors.get(0).message()).isEqualTo(readyCondition.getMessage());
            assertThat(errors.get(0).revision()).isEqualTo(good.getRevision());
            assertThat(errors.get(0).reportingController()).isEqualTo("source-service");
        });

        // Retries follow a backoff; fixing the Secret makes the next one succeed, with no new ArtifactReady (same content).
        createSecret(name + "-auth", ReconcileTestProfile.GIT_PASSWORD);
        GitRepository recovered = awaitRepository(name, r -> Conditions.isTrue(r.getStatus(), ConditionTypes.READY));
        assertThat(Conditions.get(recovered.getStatus(), ConditionTypes.FETCH_FAILED)).isEmpty();
        assertThat(ReconcileKafka.events(Topic.SOURCE_ARTIFACT, key(name).subject(), ArtifactReady.class)).hasSize(1);
    }

    @Test
    void includeWaitsForTheIncludedRepositoryAndCopiesItsArtifact() throws Exception {
        newRepository("app", Map.of("kustomization.yaml", "resources: [vendor/lib]\n"));
        newRepository("lib", Map.of("deploy/svc.yaml", "kind: Service\n", "src/main.go", "package main\n"));
        createSecret("app-auth", ReconcileTestProfile.GIT_PASSWORD);

        GitRepositorySpec appSpec = spec("app", "app-auth");
        appSpec.setInclude(List.of(GitRepositoryFixtures.include("lib", "deploy", "vendor/lib")));
        createGitRepository("app", appSpec);

        GitRepository waiting = awaitRepository("app", r -> Conditions.isFalse(r.getStatus(), ConditionTypes.READY));
        assertThat(Conditions.get(waiting.getStatus(), ConditionTypes.INCLUDE_UNAVAILABLE).orElseThrow().getReason()).isEqualTo(Reasons.INCLUDE_NOT_FOUND);

        createGitRepository("lib", spec("lib", "app-auth"));
        GitRepository ready = awaitRepository("app", r -> Conditions.isTrue(r.getStatus(), ConditionTypes.READY));
        assertThat(Conditions.get(ready.getStatus(), ConditionTypes.INCLUDE_UNAVAILABLE)).isEmpty();
        assertThat(files(download(URI.create(ready.getStatus().getArtifact().getUrl()))))
                .containsExactly("kustomization.yaml", "vendor/lib/svc.yaml");
    }

    @Test
    void suspendedRepositoryIsLeftAloneUntilResumed() {
        newRepository("paused", Map.of("a.yaml", "a: 1\n"));
        createSecret("paused-auth", ReconcileTestProfile.GIT_PASSWORD);
        GitRepositorySpec spec = spec("paused", "paused-auth");
        spec.setSuspend(true);
        createGitRepository("paused", spec);

        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        GitRepository suspended = kube().resources(GitRepository.class).inNamespace(NS).withName("paused").get();
        assertThat(suspended.getStatus() == null || suspended.getStatus().getArtifact() == null).as("no artifact while suspended").isTrue();

        // Resuming is a spec change (new generation): reconciled at once.
        GitRepository latest = kube().resources(GitRepository.class).inNamespace(NS).withName("paused").get();
        latest.getSpec().setSuspend(false);
        kube().resources(GitRepository.class).inNamespace(NS).resource(latest).update();
        GitRepository resumed = awaitRepository("paused", r -> Conditions.isTrue(r.getStatus(), ConditionTypes.READY));
        assertThat(resumed.getStatus().getObservedGeneration()).isEqualTo(resumed.getMetadata().getGeneration()).isGreaterThan(1L);
    }

    @Test
    void unknownArtifactIs404WithAReason() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/artifacts/gitrepository/default/nothing/"
                + "0".repeat(64) + ".tar.gz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no artifact at /artifacts/gitrepository/default/nothing/");
        HttpResponse<String> traversal = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/artifacts/gitrepository/default/x/..%2F..%2Fsecret"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(traversal.statusCode()).isEqualTo(404);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static LocalGitServer git() {
        return LocalGitServerResource.server();
    }

    /** A repository on the sandbox Git server with one commit on main; returns its SHA. */
    private static String newRepository(String name, Map<String, String> files) {
        git().createBareRepository(name);
        return git().commitFiles(name, "main", files, "initial").name();
    }

    private static KubernetesClient kube() {
        return SandboxClusterResource.cluster().client();
    }

    private static ObjectKey key(String name) {
        return ObjectKey.of(GitRepository.KIND, NS, name);
    }

    private static GitRepositorySpec spec(String repository, String secret) {
        return GitRepositoryFixtures.spec(git().url(repository).toString(), secret);
    }

    private static void createGitRepository(String name, GitRepositorySpec spec) {
        GitRepositoryFixtures.create(kube(), NS, name, spec);
    }

    private static void createSecret(String name, String password) {
        GitRepositoryFixtures.createBasicAuthSecret(kube(), NS, name, ReconcileTestProfile.GIT_USER, password);
    }

    private static GitRepository awaitRepository(String name, Predicate<GitRepository> condition) {
        GitRepository[] last = new GitRepository[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = kube().resources(GitRepository.class).inNamespace(NS).withName(name).get();
            return last[0] != null && last[0].getStatus() != null && condition.test(last[0]);
        });
        return last[0];
    }

    /** Reconcile runs so far (the kit's stage timer, stage "fetch"). */
    private long fetches() {
        Timer fetch = registry.find(StageTimer.STAGE_METRIC).tag("stage", "fetch").timer();
        return fetch == null ? 0 : fetch.count();
    }

    private static List<ArtifactReady> awaitArtifactReady(String name, int count) {
        List<ArtifactReady>[] found = new List[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found[0] = ReconcileKafka.events(Topic.SOURCE_ARTIFACT, key(name).subject(), ArtifactReady.class);
            return found[0].size() >= count;
        });
        assertThat(found[0]).hasSize(count);
        return found[0];
    }

    private static byte[] download(URI url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/gzip");
        return response.body();
    }

    private static List<String> files(byte[] tarGz) throws IOException {
        return ArtifactReader.read(new ByteArrayInputStream(tarGz)).stream().map(SourceFile::path).toList();
    }

    private static String baseUrl() {
        return "http://localhost:" + io.restassured.RestAssured.port;
    }
}
