package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositorySpec;
import io.sluice.sandbox.cluster.SandboxCluster;
import io.sluice.sandbox.git.LocalGitServer;
import io.sluice.source.artifact.ArtifactReader;
import io.sluice.source.artifact.ArtifactStorage;
import io.sluice.source.artifact.SourceFile;
import io.sluice.source.git.GitFetcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One reconciliation at a time ({@link GitRepositoryReconciler#reconcile}) without Quarkus: the sandbox Kubernetes
 * API, a Git server over smart HTTP with Basic auth, storage in a temporary folder, and the published events in a
 * list. The scheduling and Kafka around it are in {@link GitRepositoryReconcileTest}.
 */
class GitRepositoryReconcilerTest {

    private static final String NS = "default";
    private static final String USER = "sluice";
    private static final String PASSWORD = "s3cret";
    private static final Duration RETRY_MIN = Duration.ofSeconds(1);
    private static final String CONTROLLER = "source-service";

    private static SandboxCluster cluster;
    private static LocalGitServer git;
    @TempDir
    static Path data;
    private static GitFetcher fetcher;
    private static ArtifactStorage storage;

    private final List<SluiceEvent> published = new CopyOnWriteArrayList<>();
    /** When set, the sink refuses ArtifactReady as Kafka would when it is down. */
    private volatile boolean kafkaDown;
    private final GitRepositoryReconciler reconciler = new GitRepositoryReconciler(cluster.client(), fetcher, storage,
            new ArtifactUrls("http://source.test"), event -> {
                if (kafkaDown && event instanceof ArtifactReady) {
                    return CompletableFuture.failedFuture(new IllegalStateException("broker unreachable"));
                }
                published.add(event);
                return CompletableFuture.completedFuture(null);
            }, CONTROLLER, Duration.ofMinutes(10), RETRY_MIN);

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        git = LocalGitServer.builder().basicAuth(USER, PASSWORD).start();
        fetcher = new GitFetcher(data.resolve("git"));
        storage = new ArtifactStorage(data.resolve("artifacts"), 2);
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        git.close();
        cluster.close();
    }

    @Test
    void aNewRepositoryGetsAnArtifactAnnouncedOnceAndAPollThatFindsNothingNewWritesNothing() throws Exception {
        String name = unique("podinfo");
        String sha = newRepository(name, Map.of("kustomization.yaml", "resources: []\n", "logo.png", "x"));
        ObjectKey key = create(name, spec -> { });

        GitRepositoryReconciler.Outcome outcome = reconciler.reconcile(key);

        assertThat(outcome).isEqualTo(new GitRepositoryReconciler.Outcome(Duration.ofHours(1), true));
        GitRepository ready = get(key);
        String message = "stored artifact for revision 'main@sha1:" + sha + "'";
        assertThat(condition(ready, ConditionTypes.READY)).isEqualTo("True/Succeeded/" + message);
        assertThat(condition(ready, ConditionTypes.ARTIFACT_IN_STORAGE)).isEqualTo("True/Succeeded/" + message);
        assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
        Artifact artifact = ready.getStatus().getArtifact();
        assertThat(artifact.getRevision()).isEqualTo("main@sha1:" + sha);
        assertThat(artifact.getUrl()).isEqualTo("http://source.test/artifacts/" + artifact.getPath());
        assertThat(files(artifact)).as("logo.png is excluded by Flux's defaults").containsExactly("kustomization.yaml");

        assertThat(published).hasSize(2);
        ArtifactReady announced = (ArtifactReady) published.get(0);
        assertThat(announced.revision()).isEqualTo(artifact.getRevision());
        assertThat(announced.digest()).hasToString(artifact.getDigest());
        assertThat(announced.size()).isEqualTo(artifact.getSize());
        assertThat(announced.pushReceivedAt()).as("no push caused it").isNull();
        ObjectEvent newArtifact = (ObjectEvent) published.get(1);
        assertThat(newArtifact.severity()).isEqualTo(Severity.INFO);
        assertThat(newArtifact.reason()).isEqualTo("NewArtifact");
        assertThat(newArtifact.message()).isEqualTo(message);
        assertThat(newArtifact.reportingController()).isEqualTo(CONTROLLER);

        String resourceVersion = ready.getMetadata().getResourceVersion();
        assertThat(reconciler.reconcile(key)).isEqualTo(new GitRepositoryReconciler.Outcome(Duration.ofHours(1), false));
        assertThat(published).as("the same revision is not announced twice").hasSize(2);
        assertThat(get(key).getMetadata().getResourceVersion()).as("nothing changed, nothing written").isEqualTo(resourceVersion);
    }

    @Test
    void thePushARunAnswersTravelsOnItsArtifactAndAPushAnsweredByNothingNewIsForgotten() {
        String name = unique("pushed");
        newRepository(name, Map.of("a.yaml", "a: 1\n"));
        ObjectKey key = create(name, spec -> { });
        reconciler.reconcile(key);

        Instant pushed = Instant.parse("2026-12-01T10:00:00Z");
        reconciler.notePush(key, pushed);
        git.commitFiles(name, "main", Map.of("b.yaml", "b: 2\n"), "second");
        reconciler.reconcile(key);
        assertThat(artifactsReady()).last().extracting(ArtifactReady::pushReceivedAt).isEqualTo(pushed);

        reconciler.notePush(key, pushed.plusSeconds(60)); // a push of nothing new: no artifact answers it
        assertThat(reconciler.reconcile(key).newArtifact()).isFalse();
        git.commitFiles(name, "main", Map.of("c.yaml", "c: 3\n"), "third");
        reconciler.reconcile(key);
        assertThat(artifactsReady()).hasSize(3).last().extracting(ArtifactReady::pushReceivedAt).isNull();
    }

    @Test
    void aHandledReconcileRequestIsRecordedInTheStatus() {
        String name = unique("requested");
        newRepository(name, Map.of("a.yaml", "a: 1\n"));
        ObjectKey key = create(name, spec -> { });
        reconciler.reconcile(key);

        reconciler.noteRequest(key, Instant.parse("2026-12-01T10:00:00Z"));
        reconciler.reconcile(key);

        assertThat(get(key).getStatus().getLastHandledReconcileAt()).isEqualTo("2026-12-01T10:00:00Z");
    }

    @Test
    void anUnreadableIntervalStallsTheRepositoryUntilItsSpecChanges() {
        String name = unique("stalled");
        ObjectKey key = create(name, spec -> spec.setInterval("soon"));

        assertThat(reconciler.reconcile(key)).as("no retry: only a new spec helps").isEqualTo(new GitRepositoryReconciler.Outcome(null, false));

        GitRepository stalled = get(key);
        String message = "spec.interval of GitRepository default/" + name;
        assertThat(condition(stalled, ConditionTypes.STALLED)).startsWith("True/InvalidSpec/").contains(message);
        assertThat(condition(stalled, ConditionTypes.READY)).startsWith("False/InvalidSpec/").contains(message);
        assertThat(stalled.getStatus().getObservedGeneration()).isEqualTo(stalled.getMetadata().getGeneration());
        assertThat(errors()).singleElement().extracting(ObjectEvent::reason).isEqualTo(Reasons.INVALID_SPEC);

        reconciler.reconcile(key);
        assertThat(errors()).as("the same failure again is not news").hasSize(1);
    }

    @Test
    void aMissingSecretIsAuthenticationFailedRetriedWithABackoffCappedAtTheInterval() {
        String name = unique("no-secret");
        newRepository(name, Map.of("a.yaml", "a: 1\n"));
        ObjectKey key = create(name, spec -> {
            spec.setInterval("3s");
            spec.getSecretRef().setName("nope");
        });

        List<Duration> retries = List.of(reconciler.reconcile(key).next(), reconciler.reconcile(key).next(),
                reconciler.reconcile(key).next(), reconciler.reconcile(key).next());

        assertThat(retries).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3));
        GitRepository failed = get(key);
        assertThat(condition(failed, ConditionTypes.FETCH_FAILED)).isEqualTo("True/AuthenticationFailed/failed to get secret 'default/nope':"
                + " secrets \"nope\" not found; create it or fix spec.secretRef");
        assertThat(condition(failed, ConditionTypes.READY)).startsWith("False/AuthenticationFailed/");
        assertThat(errors()).as("one event for four tries of the same failure").hasSize(1);
    }

    @Test
    void credentialsTheHostRejectsAreGitOperationFailedAndTheLastGoodArtifactStays() {
        String name = unique("locked");
        newRepository(name, Map.of("a.yaml", "a: 1\n"));
        ObjectKey key = create(name, spec -> { });
        reconciler.reconcile(key);
        Artifact good = get(key).getStatus().getArtifact();

        createSecret(name, "wrong-password");
        GitRepositoryReconciler.Outcome failedRun = reconciler.reconcile(key);

        assertThat(failedRun).isEqualTo(new GitRepositoryReconciler.Outcome(RETRY_MIN, false));
        GitRepository failed = get(key);
        assertThat(condition(failed, ConditionTypes.READY)).startsWith("False/GitOperationFailed/failed to checkout and determine revision: ")
                .contains("authentication failed").doesNotContain("wrong-password");
        assertThat(condition(failed, ConditionTypes.FETCH_FAILED)).startsWith("True/GitOperationFailed/");
        assertThat(failed.getStatus().getArtifact().getDigest()).as("the last good artifact stays").isEqualTo(good.getDigest());
        assertThat(failed.getStatus().getArtifact().getRevision()).isEqualTo(good.getRevision());
        ObjectEvent error = errors().get(0);
        assertThat(error.reason()).isEqualTo(Reasons.GIT_OPERATION_FAILED);
        assertThat(error.revision()).isEqualTo(good.getRevision());

        createSecret(name, PASSWORD);
        assertThat(reconciler.reconcile(key)).as("the backoff is reset").isEqualTo(new GitRepositoryReconciler.Outcome(Duration.ofHours(1), false));
        assertThat(condition(get(key), ConditionTypes.READY)).startsWith("True/Succeeded/");
        assertThat(get(key).getStatus().getConditions()).extracting(c -> c.getType()).doesNotContain(ConditionTypes.FETCH_FAILED);
        assertThat(artifactsReady()).as("same content: not announced again").hasSize(1);
    }

    @Test
    void anIncludeWaitsForItsRepositoryAndItsArtifactThenIsCopiedIn() throws Exception {
        String app = unique("app");
        String lib = unique("lib");
        newRepository(app, Map.of("kustomization.yaml", "resources: [vendor/lib]\n"));
        newRepository(lib, Map.of("deploy/svc.yaml", "kind: Service\n", "src/main.go", "package main\n"));
        ObjectKey appKey = create(app, spec -> spec.setInclude(List.of(GitRepositoryFixtures.include(lib, "deploy", "vendor/lib"))));

        reconciler.reconcile(appKey);
        assertThat(condition(get(appKey), ConditionTypes.INCLUDE_UNAVAILABLE)).isEqualTo("True/NotFound/could not get resource for include '"
                + lib + "': GitRepository default/" + lib + " not found");

        ObjectKey libKey = create(lib, spec -> { });
        reconciler.reconcile(appKey);
        assertThat(condition(get(appKey), ConditionTypes.INCLUDE_UNAVAILABLE)).isEqualTo("True/NoArtifact/no artifact available for include '" + lib + "'");

        assertThat(reconciler.reconcile(libKey).newArtifact()).as("what makes the trigger rebuild the includer").isTrue();
        reconciler.reconcile(appKey);
        GitRepository ready = get(appKey);
        assertThat(condition(ready, ConditionTypes.READY)).startsWith("True/Succeeded/");
        assertThat(ready.getStatus().getConditions()).extracting(c -> c.getType()).doesNotContain(ConditionTypes.INCLUDE_UNAVAILABLE);
        assertThat(files(ready.getStatus().getArtifact())).containsExactly("kustomization.yaml", "vendor/lib/svc.yaml");
        assertThat(ready.getStatus().getObservedInclude()).hasSize(1);
    }

    @Test
    void aSuspendedRepositoryIsLeftAloneAndADeletedOneForgotten() {
        String name = unique("paused");
        newRepository(name, Map.of("a.yaml", "a: 1\n"));
        ObjectKey key = create(name, spec -> spec.setSuspend(true));

        assertThat(reconciler.reconcile(key)).isEqualTo(new GitRepositoryReconciler.Outcome(null, false));
        assertThat(get(key).getStatus()).isNull();
        assertThat(reconciler.reconcile(ObjectKey.of(GitRepository.KIND, NS, unique("gone")))).isEqualTo(new GitRepositoryReconciler.Outcome(null, false));
        assertThat(published).isEmpty();
    }

    @Test
    void whenKafkaRefusesTheArtifactNothingIsWrittenAndTheNextRunAnnouncesItWithItsPushAndRecordsTheRequest() {
        String name = unique("kafka-down");
        newRepository(name, Map.of("a.yaml", "a: 1\n"));
        ObjectKey key = create(name, spec -> { });
        reconciler.noteRequest(key, Instant.parse("2026-12-01T10:00:00Z"));
        Instant pushed = Instant.parse("2026-12-01T09:59:00Z");
        reconciler.notePush(key, pushed);
        kafkaDown = true;

        assertThat(reconciler.reconcile(key)).isEqualTo(new GitRepositoryReconciler.Outcome(RETRY_MIN, false));
        assertThat(get(key).getStatus()).as("no status until Kafka has the artifact").isNull();

        kafkaDown = false;
        assertThat(reconciler.reconcile(key).newArtifact()).isTrue();
        assertThat(artifactsReady()).singleElement().extracting(ArtifactReady::pushReceivedAt).isEqualTo(pushed);
        assertThat(get(key).getStatus().getArtifact()).isNotNull();
        assertThat(get(key).getStatus().getLastHandledReconcileAt()).isEqualTo("2026-12-01T10:00:00Z");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static KubernetesClient kube() {
        return cluster.client();
    }

    /** A repository on the Git server with one commit on main; returns its SHA. */
    private static String newRepository(String name, Map<String, String> files) {
        git.createBareRepository(name);
        return git.commitFiles(name, "main", files, "initial").name();
    }

    /** The GitRepository {@code default/<name>} of branch main, interval 1h, Secret {@code <name>-auth}; then {@code customize}. */
    private static ObjectKey create(String name, Consumer<GitRepositorySpec> customize) {
        createSecret(name, PASSWORD);
        GitRepositorySpec spec = GitRepositoryFixtures.spec(git.url(name).toString(), name + "-auth");
        customize.accept(spec);
        return GitRepositoryFixtures.create(kube(), NS, name, spec);
    }

    private static void createSecret(String name, String password) {
        GitRepositoryFixtures.createBasicAuthSecret(kube(), NS, name + "-auth", USER, password);
    }

    private static GitRepository get(ObjectKey key) {
        return kube().resources(GitRepository.class).inNamespace(key.namespace()).withName(key.name()).get();
    }

    /** {@code status/reason/message} of a condition, or null. */
    private static String condition(GitRepository repo, String type) {
        return Conditions.get(repo.getStatus(), type).map(c -> c.getStatus() + "/" + c.getReason() + "/" + c.getMessage()).orElse(null);
    }

    private List<ArtifactReady> artifactsReady() {
        return published.stream().filter(ArtifactReady.class::isInstance).map(ArtifactReady.class::cast).toList();
    }

    private List<ObjectEvent> errors() {
        return published.stream().filter(ObjectEvent.class::isInstance).map(ObjectEvent.class::cast)
                .filter(event -> event.severity() == Severity.ERROR).toList();
    }

    private static List<String> files(Artifact artifact) throws IOException {
        return ArtifactReader.read(storage.find(artifact.getPath()).orElseThrow()).stream().map(SourceFile::path).toList();
    }
}
