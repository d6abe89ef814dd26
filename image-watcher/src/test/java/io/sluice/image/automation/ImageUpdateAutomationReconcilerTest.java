package io.sluice.image.automation;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.events.Severity;
import io.sluice.api.events.SluiceEvent;
import io.sluice.api.image.CommitSpec;
import io.sluice.api.image.CommitUser;
import io.sluice.api.image.GitSpec;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImagePolicyStatus;
import io.sluice.api.image.ImageRef;
import io.sluice.api.image.ImageUpdateAutomation;
import io.sluice.api.image.ImageUpdateAutomationSpec;
import io.sluice.api.image.PullRequestSpec;
import io.sluice.api.image.PushSpec;
import io.sluice.api.image.SigningKey;
import io.sluice.api.image.UpdateStrategy;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositoryRef;
import io.sluice.api.source.GitRepositorySpec;
import io.sluice.image.testing.ImageObjects;
import io.sluice.image.testing.RecordingGitHost;
import io.sluice.sandbox.cluster.SandboxCluster;
import io.sluice.sandbox.git.LocalGitServer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automation runs against the sandbox's Kubernetes API and Git server: what reaches Git (only the marked line, one
 * commit, the message), the status and events Flux gives, and nothing half-written on every failure.
 */
class ImageUpdateAutomationReconcilerTest {

    private static final String NS = "automation-test";
    private static final String APP = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
              namespace: apps
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      # the image the automation keeps current
                      image: "registry.example/team/app:1.0.0" # {"$imagepolicy": "automation-test:app"}
                      ports: [{containerPort: 8080}]
            """;
    private static SandboxCluster cluster;
    private static LocalGitServer git;
    private static LocalGitServer readOnlyGit;

    private final List<SluiceEvent> events = new CopyOnWriteArrayList<>();
    private ImageUpdateAutomationReconciler reconciler;
    private String repo;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        ImageObjects.namespace(cluster.client(), NS);
        git = LocalGitServer.builder().allowAnonymousPush().start();
        readOnlyGit = LocalGitServer.builder().start();
        policy("app", ImageRef.of("registry.example/team/app", "1.0.1", null));
    }

    @AfterAll
    static void stop() {
        git.close();
        readOnlyGit.close();
        cluster.close();
    }

    @BeforeEach
    void setUp(TestInfo test) {
        reconciler = new ImageUpdateAutomationReconciler(client(), work, event -> {
            events.add(event);
            return CompletableFuture.completedFuture(null);
        }, new ImageUpdateAutomationReconciler.Settings(Duration.ofMinutes(5), Duration.ofSeconds(1), "image-watcher"));
        repo = test.getTestMethod().orElseThrow().getName().toLowerCase();
    }

    @Test
    void onlyTheMarkedLineChangesInOneCommit() throws Exception {
        ObjectId first = seed(git, Map.of("deploy/app.yaml", APP, "deploy/other.yaml", "kind: ConfigMap # untouched\n"));
        ObjectKey key = automation(git, null, null);

        assertThat(reconciler.reconcile(key)).isEqualTo(Duration.ofMinutes(30));
        RevCommit pushed = tip(git, "main");
        assertThat(pushed.getParent(0).getId()).isEqualTo(first);
        assertThat(pushed.getFullMessage()).isEqualTo("Update from image update automation");
        assertThat(pushed.getAuthorIdent().getEmailAddress()).isEqualTo("bot@sluice.test");
        assertThat(file(git, pushed, "deploy/app.yaml")).isEqualTo(APP.replace("app:1.0.0\"", "app:1.0.1\""));
        assertThat(file(git, pushed, "deploy/other.yaml")).isEqualTo("kind: ConfigMap # untouched\n");

        ImageUpdateAutomation automation = get(key);
        assertThat(automation.getStatus().getLastPushCommit()).isEqualTo(pushed.name());
        assertThat(automation.getStatus().getLastPushTime()).isNotNull();
        assertThat(automation.getStatus().getObservedSourceRevision()).isEqualTo("main@sha1:" + pushed.name());
        assertThat(automation.getStatus().getObservedPolicies()).containsOnlyKeys("app");
        assertThat(ready(automation).getMessage()).isEqualTo("repository up-to-date");
        assertThat(events).hasSize(2).first().isInstanceOfSatisfying(ObjectEvent.class, e -> {
            assertThat(e.severity()).isEqualTo(Severity.INFO);
            assertThat(e.message()).isEqualTo("pushed commit '" + pushed.name().substring(0, 7) + "' to branch 'main'\nUpdate from image update automation");
        });
        assertThat(events.get(1)).as("source-service asked to fetch the commit now").isInstanceOfSatisfying(ReconcileRequested.class,
                r -> assertThat(r.object()).isEqualTo(ObjectKey.of(GitRepository.KIND, NS, repo)));

        reconciler.reconcile(key);
        assertThat(tip(git, "main")).as("up to date: no second commit").isEqualTo(pushed);
        assertThat(ready(get(key)).getMessage()).isEqualTo("no change since last reconciliation");
        assertThat(events).as("no event without a push").hasSize(2);
    }

    @Test
    void messageTemplateGetsFluxsData() throws Exception {
        seed(git, Map.of("deploy/app.yaml", APP));
        CommitSpec commit = commit();
        commit.setMessageTemplate("""
                Automated image update by {{ .AutomationObject }} for {{ .Values.cluster }}

                {{ range $file, $objects := .Changed.FileChanges -}}
                - {{ $file }}
                {{ end -}}
                {{ range $resource, $changes := .Changed.Objects -}}
                {{ $resource.Kind | lower }} {{ $resource.Name }}:{{ range $changes }} {{ .OldValue }} -> {{ .NewValue }}{{ end }}
                {{ end -}}
                {{ len .Changed.Changes }} change(s)""");
        commit.setMessageTemplateValues(Map.of("cluster", "prod"));
        ObjectKey key = automation(git, commit, null);
        reconciler.reconcile(key);
        assertThat(tip(git, "main").getFullMessage()).isEqualTo("""
                Automated image update by automation-test/%s for prod

                - deploy/app.yaml
                deployment app: registry.example/team/app:1.0.0 -> registry.example/team/app:1.0.1
                1 change(s)""".formatted(repo));
    }

    @Test
    void aMarkerNamingAMissingPolicyCommitsNothing() throws Exception {
        ObjectId first = seed(git, Map.of("deploy/app.yaml", APP, "deploy/gone.yaml", "image: x:1 # {\"$imagepolicy\": \"automation-test:gone\"}\n"));
        ObjectKey key = automation(git, null, null);
        assertThat(reconciler.reconcile(key)).isEqualTo(Duration.ofSeconds(1));
        assertThat(tip(git, "main").getId()).as("nothing half-written reaches Git").isEqualTo(first);
        Condition ready = ready(get(key));
        assertThat(ready.getReason()).isEqualTo("UpdateFailed");
        assertThat(ready.getMessage()).contains("deploy/gone.yaml line 1: marker names ImagePolicy automation-test/gone").contains("nothing was committed");
        assertThat(events).singleElement().isInstanceOfSatisfying(ObjectEvent.class, e -> assertThat(e.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void aRejectedPushIsAGitOperationFailure() throws Exception {
        ObjectId first = seed(readOnlyGit, Map.of("deploy/app.yaml", APP));
        ObjectKey key = automation(readOnlyGit, null, null);
        reconciler.reconcile(key);
        Condition ready = ready(get(key));
        assertThat(ready.getReason()).isEqualTo("GitOperationFailed");
        assertThat(ready.getMessage()).contains("pushing refs/heads/main:refs/heads/main to " + readOnlyGit.url(repo)).contains("may push there");
        assertThat(tip(readOnlyGit, "main").getId()).isEqualTo(first);
        assertThat(get(key).getStatus().getLastPushCommit()).isNull();
    }

    @Test
    void nonFastForwardFetchesAgainAndReappliesOnTheNewTip() throws Exception {
        seed(git, Map.of("deploy/app.yaml", APP));
        ObjectKey key = automation(git, null, null);
        int[] runs = {0};
        reconciler.committer().afterFetch(() -> {
            if (runs[0]++ == 0) {
                git.commitFiles(repo, "main", Map.of("README.md", "someone else pushed meanwhile\n"), "concurrent commit");
            }
        });
        reconciler.reconcile(key);
        RevCommit pushed = tip(git, "main");
        assertThat(pushed.getFullMessage()).isEqualTo("Update from image update automation");
        assertThat(new RevWalk(git.repository(repo)).parseCommit(pushed.getParent(0)).getShortMessage()).isEqualTo("concurrent commit");
        assertThat(file(git, pushed, "deploy/app.yaml")).contains("app:1.0.1\"");
        assertThat(file(git, pushed, "README.md")).isEqualTo("someone else pushed meanwhile\n");
    }

    @Test
    void pushBranchIsCreatedFromTheCheckoutBranch() throws Exception {
        ObjectId first = seed(git, Map.of("deploy/app.yaml", APP));
        PushSpec push = new PushSpec();
        push.setBranch("image-updates");
        ObjectKey key = automation(git, null, push);
        reconciler.reconcile(key);
        assertThat(tip(git, "main").getId()).as("the checkout branch stays").isEqualTo(first);
        RevCommit pushed = tip(git, "image-updates");
        assertThat(pushed.getParent(0).getId()).isEqualTo(first);
        assertThat(get(key).getStatus().getObservedSourceRevision()).isEqualTo("main@sha1:" + first.name());
    }

    @Test
    void pullRequestModeOpensOneRequestPerPolicyThenUpdatesIt() throws Exception {
        policy("sidecar", ImageRef.of("registry.example/team/sidecar", "0.2.0", null));
        ObjectId first = seed(git, Map.of("deploy/app.yaml", APP,
                "deploy/sidecar.yaml", "image: registry.example/team/sidecar:0.1.0 # {\"$imagepolicy\": \"automation-test:sidecar\"}\n"));
        try (RecordingGitHost host = new RecordingGitHost()) {
            client().secrets().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata().withName("github-token")
                    .withNamespace(NS).endMetadata().withStringData(Map.of("token", "ghp_test")).build()).createOr(r -> r.update());
            PushSpec push = new PushSpec();
            PullRequestSpec pullRequest = new PullRequestSpec();
            pullRequest.setProvider("github");
            pullRequest.setApiURL(host.url());
            pullRequest.setRepository("team/deploy");
            pullRequest.setSecretRef(ImageObjects.ref("github-token"));
            push.setPullRequest(pullRequest);
            ObjectKey key = automation(git, null, push);

            reconciler.reconcile(key);
            assertThat(tip(git, "main").getId()).as("the base branch is never pushed to").isEqualTo(first);
            RevCommit app = tip(git, "sluice/image-update/automation-test-app");
            assertThat(file(git, app, "deploy/app.yaml")).contains("app:1.0.1\"");
            assertThat(file(git, app, "deploy/sidecar.yaml")).as("the other policy's marker stays on this branch").contains("sidecar:0.1.0");
            RevCommit sidecar = tip(git, "sluice/image-update/automation-test-sidecar");
            assertThat(file(git, sidecar, "deploy/sidecar.yaml")).contains("sidecar:0.2.0");
            List<RecordingGitHost.Call> posts = host.calls().stream().filter(c -> c.method().equals("POST")).toList();
            assertThat(posts).hasSize(2);
            RecordingGitHost.Call opened = posts.get(0);
            assertThat(opened.pathAndQuery()).isEqualTo("/repos/team/deploy/pulls");
            assertThat(opened.headers()).containsEntry("authorization", "Bearer ghp_test");
            assertThat(opened.body().path("head").asText()).isEqualTo("sluice/image-update/automation-test-app");
            assertThat(opened.body().path("base").asText()).isEqualTo("main");
            assertThat(opened.body().path("title").asText()).isEqualTo("Update registry.example/team/app to 1.0.1");
            assertThat(opened.body().path("body").asText()).contains("`deploy/app.yaml` (Deployment app): `registry.example/team/app:1.0.0` → `registry.example/team/app:1.0.1`");
            assertThat(events).filteredOn(ObjectEvent.class::isInstance).map(e -> ((ObjectEvent) e).message())
                    .anySatisfy(m -> assertThat(m).startsWith("opened pull request " + host.url() + "/web/pull/1 for ImagePolicy automation-test/app"));

            int calls = host.calls().size();
            reconciler.reconcile(key);
            assertThat(host.calls()).as("nothing new: the branches already hold these changes").hasSize(calls);

            setLatest("app", ImageRef.of("registry.example/team/app", "1.0.2", null));
            reconciler.reconcile(key);
            assertThat(file(git, tip(git, "sluice/image-update/automation-test-app"), "deploy/app.yaml")).contains("app:1.0.2\"");
            assertThat(host.calls().subList(calls, host.calls().size())).extracting(RecordingGitHost.Call::method).containsExactly("GET", "PATCH");
            assertThat(host.calls().get(host.calls().size() - 1).pathAndQuery()).isEqualTo("/repos/team/deploy/pulls/1");
        } finally {
            setLatest("app", ImageRef.of("registry.example/team/app", "1.0.1", null));
            client().resources(ImagePolicy.class).inNamespace(NS).withName("sidecar").delete();
        }
    }

    @Test
    void gitLabMergeRequestsUseTheProjectPathAndPrivateToken() throws Exception {
        seed(git, Map.of("deploy/app.yaml", APP));
        try (RecordingGitHost host = new RecordingGitHost()) {
            client().secrets().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata().withName("gitlab-token")
                    .withNamespace(NS).endMetadata().withStringData(Map.of("token", "glpat-test")).build()).createOr(r -> r.update());
            PushSpec push = new PushSpec();
            PullRequestSpec pullRequest = new PullRequestSpec();
            pullRequest.setProvider("gitlab");
            pullRequest.setApiURL(host.url() + "/api/v4");
            pullRequest.setRepository("group/deploy");
            pullRequest.setSecretRef(ImageObjects.ref("gitlab-token"));
            push.setPullRequest(pullRequest);
            ObjectKey key = automation(git, null, push);
            reconciler.reconcile(key);
            RecordingGitHost.Call created = host.calls().stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow();
            assertThat(created.pathAndQuery()).isEqualTo("/api/v4/projects/group%2Fdeploy/merge_requests");
            assertThat(created.headers()).containsEntry("private-token", "glpat-test");
            assertThat(created.body().path("source_branch").asText()).isEqualTo("sluice/image-update/automation-test-app");
            assertThat(created.body().path("target_branch").asText()).isEqualTo("main");
            assertThat(ready(get(key)).getMessage()).isEqualTo("pull requests up-to-date: " + host.url() + "/web/merge_requests/1");
        }
    }

    @Test
    void commitsAreSignedWithAnSshKeyThatGitVerifies() throws Exception {
        seed(git, Map.of("deploy/app.yaml", APP));
        run(work, "ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-C", "bot@sluice.test", "-f", work.resolve("signing").toString());
        client().secrets().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata().withName("ssh-signing")
                .withNamespace(NS).endMetadata().withStringData(Map.of("identity", Files.readString(work.resolve("signing")))).build()).createOr(r -> r.update());
        CommitSpec commit = commit();
        SigningKey key = new SigningKey();
        key.setType("ssh");
        key.setSecretRef(ImageObjects.ref("ssh-signing"));
        commit.setSigningKey(key);
        reconciler.reconcile(automation(git, commit, null));

        RevCommit pushed = tip(git, "main");
        assertThat(pushed.getRawGpgSignature()).isNotNull();
        Files.writeString(work.resolve("allowed_signers"), "bot@sluice.test " + Files.readString(work.resolve("signing.pub")));
        String verified = run(work, "git", "--git-dir=" + git.repositoryDirectory(repo), "-c", "gpg.ssh.allowedSignersFile=" + work.resolve("allowed_signers"),
                "verify-commit", "-v", pushed.name());
        assertThat(verified).contains("Good \"git\" signature for bot@sluice.test");
    }

    @Test
    void commitsAreSignedWithAnOpenPgpKeyThatGitVerifies() throws Exception {
        seed(git, Map.of("deploy/app.yaml", APP));
        Path gnupg = Files.createDirectories(work.resolve("gnupg"));
        Files.setPosixFilePermissions(gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        run(work, "gpg", "--batch", "--homedir", gnupg.toString(), "--passphrase", "s3cret", "--pinentry-mode", "loopback",
                "--quick-gen-key", "Sluice bot <bot@sluice.test>", "rsa2048", "sign", "never");
        String armored = run(work, "gpg", "--batch", "--homedir", gnupg.toString(), "--passphrase", "s3cret", "--pinentry-mode", "loopback",
                "--armor", "--export-secret-keys", "bot@sluice.test");
        client().secrets().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata().withName("gpg-signing")
                .withNamespace(NS).endMetadata().withStringData(Map.of("git.asc", armored, "passphrase", "s3cret")).build()).createOr(r -> r.update());
        CommitSpec commit = commit();
        SigningKey key = new SigningKey();
        key.setSecretRef(ImageObjects.ref("gpg-signing"));
        commit.setSigningKey(key);
        reconciler.reconcile(automation(git, commit, null));

        RevCommit pushed = tip(git, "main");
        ProcessBuilder verify = new ProcessBuilder("git", "--git-dir=" + git.repositoryDirectory(repo), "verify-commit", "-v", pushed.name());
        verify.environment().put("GNUPGHOME", gnupg.toString());
        assertThat(run(verify)).contains("Good signature from \"Sluice bot <bot@sluice.test>\"");
    }

    private static String run(Path dir, String... command) throws Exception {
        return run(new ProcessBuilder(command).directory(dir.toFile()));
    }

    private static String run(ProcessBuilder command) throws Exception {
        Process process = command.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command.command()) + " said: " + out).isZero();
        return out;
    }

    private static void setLatest(String name, ImageRef latest) {
        ImagePolicy policy = client().resources(ImagePolicy.class).inNamespace(NS).withName(name).get();
        policy.getStatus().setLatestRef(latest);
        client().resources(ImagePolicy.class).inNamespace(NS).resource(policy).updateStatus();
    }

    // --- fixtures ---------------------------------------------------------------------------------------------------

    private ObjectId seed(LocalGitServer server, Map<String, String> files) {
        server.createBareRepository(repo);
        return server.commitFiles(repo, "main", files, "initial");
    }

    private static void policy(String name, ImageRef latest) {
        ImagePolicy policy = ImageObjects.semverPolicy(NS, name, name, "*");
        client().resources(ImagePolicy.class).inNamespace(NS).resource(policy).create();
        ImagePolicy created = client().resources(ImagePolicy.class).inNamespace(NS).withName(name).get();
        ImagePolicyStatus status = new ImagePolicyStatus();
        status.setLatestRef(latest);
        created.setStatus(status);
        client().resources(ImagePolicy.class).inNamespace(NS).resource(created).updateStatus();
    }

    private ObjectKey automation(LocalGitServer server, CommitSpec commit, PushSpec push) {
        GitRepository source = new GitRepository();
        source.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(repo).build());
        GitRepositorySpec sourceSpec = new GitRepositorySpec();
        sourceSpec.setUrl(server.url(repo).toString());
        sourceSpec.setInterval("1m");
        GitRepositoryRef ref = new GitRepositoryRef();
        ref.setBranch("main");
        sourceSpec.setRef(ref);
        source.setSpec(sourceSpec);
        client().resources(GitRepository.class).inNamespace(NS).resource(source).create();

        ImageUpdateAutomation automation = new ImageUpdateAutomation();
        automation.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(repo).build());
        ImageUpdateAutomationSpec spec = new ImageUpdateAutomationSpec();
        spec.setInterval("30m");
        CrossNamespaceSourceReference sourceRef = new CrossNamespaceSourceReference();
        sourceRef.setKind(GitRepository.KIND);
        sourceRef.setName(repo);
        spec.setSourceRef(sourceRef);
        GitSpec gitSpec = new GitSpec();
        gitSpec.setCommit(commit == null ? commit() : commit);
        gitSpec.setPush(push);
        spec.setGit(gitSpec);
        UpdateStrategy update = new UpdateStrategy();
        update.setStrategy("Setters");
        update.setPath("./deploy");
        spec.setUpdate(update);
        automation.setSpec(spec);
        client().resources(ImageUpdateAutomation.class).inNamespace(NS).resource(automation).create();
        return ObjectKey.of(ImageUpdateAutomation.KIND, NS, repo);
    }

    private static CommitSpec commit() {
        CommitSpec commit = new CommitSpec();
        CommitUser author = new CommitUser();
        author.setName("Sluice bot");
        author.setEmail("bot@sluice.test");
        commit.setAuthor(author);
        return commit;
    }

    private RevCommit tip(LocalGitServer server, String branch) throws IOException {
        Repository repository = server.repository(repo);
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(repository.resolve("refs/heads/" + branch));
        }
    }

    private String file(LocalGitServer server, RevCommit commit, String path) throws IOException {
        Repository repository = server.repository(repo);
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            return new String(repository.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    private static KubernetesClient client() {
        return cluster.client();
    }

    private static ImageUpdateAutomation get(ObjectKey key) {
        return client().resources(ImageUpdateAutomation.class).inNamespace(key.namespace()).withName(key.name()).get();
    }

    private static Condition ready(ImageUpdateAutomation automation) {
        return Conditions.get(automation.getStatus(), ConditionTypes.READY).orElseThrow();
    }
}
