package io.sluice.source.git;

import io.sluice.git.GitCredentials;
import io.sluice.git.GitFetchException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepositoryRef;
import io.sluice.sandbox.git.LocalGitServer;
import io.sluice.git.GitFetchException.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitFetcher against the sandbox's smart-HTTP Git server (JGit GitServlet in Jetty) with basic auth. */
class GitFetcherHttpTest {

    private static final String USER = "sluice";
    private static final String PASSWORD = "s3cret-pa55";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static LocalGitServer server;

    @TempDir
    Path cache;
    private GitFetcher fetcher;
    private String name;
    private Repository remote;
    private ObjectKey owner;

    @BeforeAll
    static void startServer() {
        server = LocalGitServer.builder().basicAuth(USER, PASSWORD).start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void setUp() {
        fetcher = new GitFetcher(cache);
        name = "repo-" + COUNTER.incrementAndGet();
        remote = server.createBareRepository(name);
        owner = ObjectKey.of("GitRepository", "flux-system", name);
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
    }

    @Test
    void fetchesBranchAndWritesFluxRevision() throws Exception {
        ObjectId tip = server.commitFiles(name, "main", Map.of("kustomization.yaml", "resources: []\n"), "initial");

        FetchResult result = fetcher.fetch(owner, request(branch("main")));

        assertThat(result.revision().toString()).isEqualTo("main@sha1:" + tip.name());
        assertThat(result.commitSha()).isEqualTo(tip.name());
        assertThat(result.gitDir()).isEqualTo(cache.resolve("flux-system").resolve(name));
        assertThat(readFile(result, "kustomization.yaml")).isEqualTo("resources: []\n");
    }

    @Test
    void noRefMeansBranchMasterAsInFlux() throws Exception {
        ObjectId tip = server.commitFiles(name, "master", Map.of("a.txt", "on master"), "initial");
        server.commitFiles(name, "main", Map.of("a.txt", "on main"), "other");

        FetchResult result = fetcher.fetch(owner, request(null));

        assertThat(result.revision().toString()).isEqualTo("master@sha1:" + tip.name());
    }

    @Test
    void branchWithSlashKeepsItsFullNameInTheRevision() throws Exception {
        ObjectId tip = server.commitFiles(name, "feature/login", Map.of("a.txt", "x"), "initial");

        assertThat(fetcher.fetch(owner, request(branch("feature/login"))).revision().toString())
                .isEqualTo("feature/login@sha1:" + tip.name());
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailureNamingTheSecretAndHidingThePassword() {
        server.commitFiles(name, "main", Map.of("a.txt", "x"), "initial");
        GitCredentials wrong = credentials(USER, "not-the-password");

        assertThatThrownBy(() -> fetcher.fetch(owner, new FetchRequest(server.url(name).toString(), branch("main"), wrong, null, "flux-system/git-creds")))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.AUTHENTICATION);
                    assertThat(e.getMessage())
                            .startsWith("authentication failed for " + server.url(name))
                            .contains("check the username/password in Secret flux-system/git-creds")
                            .doesNotContain("not-the-password");
                });
    }

    @Test
    void noCredentialsForAProtectedServerSaysToSetSecretRef() {
        server.commitFiles(name, "main", Map.of("a.txt", "x"), "initial");

        assertThatThrownBy(() -> fetcher.fetch(owner, new FetchRequest(server.url(name).toString(), branch("main"), GitCredentials.none(), null)))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("set spec.secretRef");
                });
    }

    @Test
    void secretWithoutHttpCredentialsSaysWhichKeysAreMissing() {
        server.commitFiles(name, "main", Map.of("a.txt", "x"), "initial");
        GitCredentials sshOnly = GitCredentials.fromSecretData(Map.of("identity", "-----BEGIN KEY-----".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> fetcher.fetch(owner, new FetchRequest(server.url(name).toString(), branch("main"), sshOnly, null, "flux-system/ssh-only")))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.AUTHENTICATION);
                    assertThat(e.getMessage()).endsWith("Secret flux-system/ssh-only has neither 'username'/'password' nor 'bearerToken'");
                });
    }

    @Test
    void passwordInTheUrlNeverReachesTheMessage() {
        String url = server.url(name).toString().replace("http://", "http://" + USER + ":url-secret-123@");

        assertThatThrownBy(() -> fetcher.fetch(owner, new FetchRequest(url, branch("nope"), credentials(USER, PASSWORD), null)))
                .isInstanceOfSatisfying(GitFetchException.class, e -> assertThat(e.getMessage()).doesNotContain("url-secret-123"));
    }

    @Test
    void incrementalFetchSeesTheNewCommitAndAnUnchangedBranchStaysPut() throws Exception {
        ObjectId first = server.commitFiles(name, "main", Map.of("a.txt", "1"), "one");
        assertThat(fetcher.fetch(owner, request(branch("main"))).commitSha()).isEqualTo(first.name());
        assertThat(fetcher.fetch(owner, request(branch("main"))).commitSha()).isEqualTo(first.name());

        ObjectId second = server.commitFiles(name, "main", Map.of("a.txt", "2"), "two");
        FetchResult result = fetcher.fetch(owner, request(branch("main")));

        assertThat(result.revision().toString()).isEqualTo("main@sha1:" + second.name());
        assertThat(readFile(result, "a.txt")).isEqualTo("2");
    }

    @Test
    void packsFromIncrementalFetchesAreCompacted() throws Exception {
        try (GitFetcher compacting = new GitFetcher(cache.resolve("compacting"), 3)) {
            ObjectId last = null;
            for (int i = 0; i < 6; i++) {
                last = server.commitFiles(name, "main", Map.of("a.txt", "v" + i), "commit " + i);
                compacting.fetch(owner, request(branch("main")));
            }
            FetchResult result = compacting.fetch(owner, request(branch("main")));

            assertThat(result.commitSha()).isEqualTo(last.name());
            assertThat(readFile(result, "a.txt")).isEqualTo("v5");
            try (var packs = Files.list(result.gitDir().resolve("objects/pack"))) {
                assertThat(packs.filter(p -> p.toString().endsWith(".pack")).count()).isLessThanOrEqualTo(3);
            }
        }
    }

    @Test
    void forcePushReplacesTheBranch() throws Exception {
        server.commitFiles(name, "main", Map.of("a.txt", "1"), "one");
        server.commitFiles(name, "main", Map.of("a.txt", "2"), "two");
        fetcher.fetch(owner, request(branch("main")));

        ObjectId rewritten = TestCommits.commit(remote, null, Map.of("a.txt", "rewritten"), "history rewritten");
        TestCommits.setRef(remote, "refs/heads/main", rewritten);
        FetchResult result = fetcher.fetch(owner, request(branch("main")));

        assertThat(result.commitSha()).isEqualTo(rewritten.name());
        assertThat(readFile(result, "a.txt")).isEqualTo("rewritten");
    }

    @Test
    void deletedBranchIsRefNotFoundListingTheBranchesLeft() throws Exception {
        server.commitFiles(name, "main", Map.of("a.txt", "1"), "one");
        server.commitFiles(name, "dev", Map.of("a.txt", "dev"), "dev");
        fetcher.fetch(owner, request(branch("dev")));

        TestCommits.deleteRef(remote, "refs/heads/dev");

        assertThatThrownBy(() -> fetcher.fetch(owner, request(branch("dev"))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.REF_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("branch 'dev' not found in " + server.url(name)
                            + "; available branches: main (was it deleted or renamed? update spec.ref)");
                });
    }

    @Test
    void misspelledBranchListsTheAvailableOnes() {
        server.commitFiles(name, "main", Map.of("a.txt", "1"), "one");
        server.commitFiles(name, "dev", Map.of("a.txt", "1"), "one");

        assertThatThrownBy(() -> fetcher.fetch(owner, request(branch("mian"))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.REF_NOT_FOUND);
                    assertThat(e.getMessage()).contains("branch 'mian' not found in " + server.url(name) + "; available branches: dev, main");
                });
    }

    @Test
    void lightweightAndAnnotatedTagsResolveToTheirCommit() throws Exception {
        ObjectId one = server.commitFiles(name, "main", Map.of("a.txt", "1"), "one");
        ObjectId two = server.commitFiles(name, "main", Map.of("a.txt", "2"), "two");
        TestCommits.tag(remote, "v1.0.0", one);
        ObjectId tagObject = TestCommits.annotatedTag(remote, "v2.0.0", two);

        assertThat(fetcher.fetch(owner, request(tag("v1.0.0"))).revision().toString()).isEqualTo("v1.0.0@sha1:" + one.name());
        FetchResult annotated = fetcher.fetch(owner, request(tag("v2.0.0")));
        assertThat(annotated.revision().toString()).isEqualTo("v2.0.0@sha1:" + two.name());
        assertThat(annotated.commitSha()).isNotEqualTo(tagObject.name());
    }

    @Test
    void movedTagIsFollowed() throws Exception {
        ObjectId one = server.commitFiles(name, "main", Map.of("a.txt", "1"), "one");
        TestCommits.tag(remote, "v1.0.0", one);
        assertThat(fetcher.fetch(owner, request(semver("^1"))).commitSha()).isEqualTo(one.name());

        ObjectId two = server.commitFiles(name, "main", Map.of("a.txt", "2"), "two");
        TestCommits.tag(remote, "v1.0.0", two); // re-tagged, as `git tag -f` + `git push -f` would

        assertThat(fetcher.fetch(owner, request(semver("^1"))).revision().toString()).isEqualTo("v1.0.0@sha1:" + two.name());
        assertThat(fetcher.fetch(owner, request(tag("v1.0.0"))).revision().toString()).isEqualTo("v1.0.0@sha1:" + two.name());
    }

    @Test
    void missingTagIsRefNotFoundListingTags() throws Exception {
        ObjectId one = server.commitFiles(name, "main", Map.of("a.txt", "1"), "one");
        TestCommits.tag(remote, "v1.0.0", one);

        assertThatThrownBy(() -> fetcher.fetch(owner, request(tag("v9.9.9"))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.REF_NOT_FOUND);
                    assertThat(e.getMessage()).contains("tag 'v9.9.9' not found").contains("available tags: v1.0.0");
                });
    }

    @Test
    void semverPicksTheHighestMatchingTag() throws Exception {
        ObjectId c1 = server.commitFiles(name, "main", Map.of("a.txt", "1"), "1");
        ObjectId c2 = server.commitFiles(name, "main", Map.of("a.txt", "2"), "2");
        ObjectId c3 = server.commitFiles(name, "main", Map.of("a.txt", "3"), "3");
        ObjectId c4 = server.commitFiles(name, "main", Map.of("a.txt", "4"), "4");
        TestCommits.tag(remote, "v1.0.0", c1);
        TestCommits.annotatedTag(remote, "v1.4.2", c2);
        TestCommits.tag(remote, "v2.0.0-rc.1", c3);
        TestCommits.tag(remote, "not-a-version", c4);
        TestCommits.tag(remote, "1.2.0", c1);

        assertThat(fetcher.fetch(owner, request(semver(">=1.0.0 <2.0.0"))).revision().toString()).isEqualTo("v1.4.2@sha1:" + c2.name());
        assertThat(fetcher.fetch(owner, request(semver("~1.2"))).revision().toString()).isEqualTo("1.2.0@sha1:" + c1.name());
        assertThat(fetcher.fetch(owner, request(semver(">=2.0.0-0"))).revision().toString()).isEqualTo("v2.0.0-rc.1@sha1:" + c3.name());
        assertThat(fetcher.fetch(owner, request(semver("*"))).revision().toString()).isEqualTo("v1.4.2@sha1:" + c2.name());
    }

    @Test
    void semverWithoutMatchNamesTheHighestTag() throws Exception {
        ObjectId c1 = server.commitFiles(name, "main", Map.of("a.txt", "1"), "1");
        TestCommits.tag(remote, "v1.0.0", c1);
        TestCommits.tag(remote, "v1.4.2", c1);

        assertThatThrownBy(() -> fetcher.fetch(owner, request(semver(">=2.0.0"))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.NO_SEMVER_MATCH);
                    assertThat(e.getMessage()).isEqualTo("no tag matches semver range '>=2.0.0' in " + server.url(name)
                            + " (highest tag: v1.4.2); change spec.ref.semver or push a matching tag");
                });
    }

    @Test
    void semverWithoutAnyVersionTagSaysSo() {
        server.commitFiles(name, "main", Map.of("a.txt", "1"), "1");

        assertThatThrownBy(() -> fetcher.fetch(owner, request(semver("^1"))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.NO_SEMVER_MATCH);
                    assertThat(e.getMessage()).contains("the repository has no semantic-version tags");
                });
    }

    @Test
    void semverTieOnBuildMetadataTakesTheNewerCommit() throws Exception {
        ObjectId older = TestCommits.commit(remote, null, Map.of("a.txt", "old"), "old");
        Thread.sleep(1100); // commit times have one-second resolution
        ObjectId newer = TestCommits.commit(remote, null, Map.of("a.txt", "new"), "new");
        TestCommits.tag(remote, "v1.0.0+build.2", older);
        TestCommits.tag(remote, "v1.0.0+build.1", newer);

        assertThat(fetcher.fetch(owner, request(semver("1.0.0"))).revision().toString()).isEqualTo("v1.0.0+build.1@sha1:" + newer.name());
    }

    @Test
    void refNameKeepsTheFullReferenceInTheRevision() throws Exception {
        server.commitFiles(name, "main", Map.of("a.txt", "1"), "1");
        ObjectId pr = TestCommits.commit(remote, TestCommits.head(remote, "main"), Map.of("a.txt", "pr"), "pr");
        TestCommits.setRef(remote, "refs/pull/1/head", pr);

        FetchResult result = fetcher.fetch(owner, request(refName("refs/pull/1/head")));

        assertThat(result.revision().toString()).isEqualTo("refs/pull/1/head@sha1:" + pr.name());
        assertThat(readFile(result, "a.txt")).isEqualTo("pr");
        assertThat(fetcher.fetch(owner, request(refName("refs/heads/main"))).revision().toString())
                .isEqualTo("refs/heads/main@sha1:" + TestCommits.head(remote, "main").name());
    }

    @Test
    void missingRefNameIsRefNotFound() {
        server.commitFiles(name, "main", Map.of("a.txt", "1"), "1");

        assertThatThrownBy(() -> fetcher.fetch(owner, request(refName("refs/pull/9/head"))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.REF_NOT_FOUND);
                    assertThat(e.getMessage()).contains("reference 'refs/pull/9/head' not found").contains("refs/heads/main");
                });
    }

    @Test
    void commitAloneHasABareRevisionAndCommitWithBranchNamesTheBranch() throws Exception {
        ObjectId one = server.commitFiles(name, "main", Map.of("a.txt", "1"), "1");
        server.commitFiles(name, "main", Map.of("a.txt", "2"), "2");
        ObjectId onDev = server.commitFiles(name, "dev", Map.of("a.txt", "dev"), "dev");

        FetchResult alone = fetcher.fetch(owner, request(commit(onDev.name(), null)));
        assertThat(alone.revision().toString()).isEqualTo("sha1:" + onDev.name());
        assertThat(readFile(alone, "a.txt")).isEqualTo("dev");

        FetchResult withBranch = fetcher.fetch(owner, request(commit(one.name(), "main")));
        assertThat(withBranch.revision().toString()).isEqualTo("main@sha1:" + one.name());
        assertThat(readFile(withBranch, "a.txt")).isEqualTo("1");
    }

    @Test
    void commitAfterAShallowBranchFetchStillFindsOldCommits() throws Exception {
        ObjectId one = server.commitFiles(name, "main", Map.of("a.txt", "1"), "1");
        server.commitFiles(name, "main", Map.of("a.txt", "2"), "2");
        fetcher.fetch(owner, request(branch("main"))); // shallow: only the tip

        assertThat(fetcher.fetch(owner, request(commit(one.name(), "main"))).commitSha()).isEqualTo(one.name());
    }

    @Test
    void commitOnlyOnADeletedBranchIsRefNotFound() throws Exception {
        server.commitFiles(name, "main", Map.of("a.txt", "1"), "1");
        ObjectId onDev = server.commitFiles(name, "dev", Map.of("a.txt", "dev"), "dev");
        assertThat(fetcher.fetch(owner, request(commit(onDev.name(), null))).commitSha()).isEqualTo(onDev.name());

        TestCommits.deleteRef(remote, "refs/heads/dev");

        assertThatThrownBy(() -> fetcher.fetch(owner, request(commit(onDev.name(), null))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> assertThat(e.kind()).isEqualTo(Failure.REF_NOT_FOUND));
    }

    @Test
    void commitNotOnTheBranchIsRefNotFound() throws Exception {
        server.commitFiles(name, "main", Map.of("a.txt", "1"), "1");
        ObjectId onDev = server.commitFiles(name, "dev", Map.of("a.txt", "dev"), "dev");

        assertThatThrownBy(() -> fetcher.fetch(owner, request(commit(onDev.name(), "main"))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.REF_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("commit " + onDev.name() + " is not on branch 'main' of " + server.url(name)
                            + "; check spec.ref.commit, or the branch it belongs to in spec.ref.branch");
                });
        String unknown = "0123456789abcdef0123456789abcdef01234567";
        assertThatThrownBy(() -> fetcher.fetch(owner, request(commit(unknown, null))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.REF_NOT_FOUND);
                    assertThat(e.getMessage()).startsWith("commit " + unknown + " is not on any branch of " + server.url(name));
                });
    }

    @Test
    void changedUrlStartsAFreshClone() throws Exception {
        server.commitFiles(name, "main", Map.of("a.txt", "first repo"), "1");
        fetcher.fetch(owner, request(branch("main")));
        String other = name + "-other";
        server.createBareRepository(other);
        ObjectId tip = server.commitFiles(other, "main", Map.of("a.txt", "second repo"), "1");

        FetchResult result = fetcher.fetch(owner, new FetchRequest(server.url(other).toString(), branch("main"), credentials(USER, PASSWORD), null));

        assertThat(result.commitSha()).isEqualTo(tip.name());
        assertThat(readFile(result, "a.txt")).isEqualTo("second repo");
        try (Repository clone = open(result)) {
            assertThat(clone.getObjectDatabase().has(TestCommits.head(remote, "main"))).as("objects of the old URL are gone").isFalse();
        }
    }

    @Test
    void unreadableCacheIsWipedAndRecloned() throws Exception {
        server.commitFiles(name, "main", Map.of("a.txt", "1"), "1");
        FetchResult first = fetcher.fetch(owner, request(branch("main")));
        Files.writeString(first.gitDir().resolve("config"), "[[[ not a git config", StandardCharsets.UTF_8);

        FetchResult again = fetcher.fetch(owner, request(branch("main")));

        assertThat(again.commitSha()).isEqualTo(first.commitSha());
        assertThat(readFile(again, "a.txt")).isEqualTo("1");
    }

    @Test
    void cacheWithMissingObjectsIsWipedAndRecloned() throws Exception {
        server.commitFiles(name, "main", Map.of("a.txt", "1"), "1");
        FetchResult first = fetcher.fetch(owner, request(branch("main")));
        deleteObjects(first.gitDir());
        ObjectId second = server.commitFiles(name, "main", Map.of("a.txt", "2"), "2");

        FetchResult again = fetcher.fetch(owner, request(branch("main")));

        assertThat(again.commitSha()).isEqualTo(second.name());
        assertThat(readFile(again, "a.txt")).isEqualTo("2");
    }

    @Test
    void badRefsAreInvalidRefWithTheField() {
        assertThatThrownBy(() -> fetcher.fetch(owner, request(commit("abc123", null))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.INVALID_REF);
                    assertThat(e.getMessage()).contains("spec.ref.commit 'abc123' is not a full 40-character SHA-1");
                });
        assertThatThrownBy(() -> fetcher.fetch(owner, request(semver(">=1.0.0 <<2"))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> assertThat(e.kind()).isEqualTo(Failure.INVALID_REF));
        assertThatThrownBy(() -> fetcher.fetch(owner, request(branch("bad..name"))))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.INVALID_REF);
                    assertThat(e.getMessage()).contains("spec.ref.branch 'bad..name'");
                });
    }

    @Test
    void missingRepositoryIsAConnectionFailureNamingTheUrl() {
        assertThatThrownBy(() -> fetcher.fetch(owner, new FetchRequest(server.url("does-not-exist").toString(), branch("main"), credentials(USER, PASSWORD), null)))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.CONNECTION);
                    assertThat(e.getMessage()).contains(server.url("does-not-exist").toString());
                });
    }

    // --- helpers ---

    private FetchRequest request(GitRepositoryRef ref) {
        return new FetchRequest(server.url(name).toString(), ref, credentials(USER, PASSWORD), Duration.ofSeconds(20), "flux-system/git-creds");
    }

    static GitCredentials credentials(String user, String password) {
        return GitCredentials.fromSecretData(Map.of("username", user.getBytes(StandardCharsets.UTF_8), "password", password.getBytes(StandardCharsets.UTF_8)));
    }

    static GitRepositoryRef branch(String branch) {
        GitRepositoryRef ref = new GitRepositoryRef();
        ref.setBranch(branch);
        return ref;
    }

    static GitRepositoryRef tag(String tag) {
        GitRepositoryRef ref = new GitRepositoryRef();
        ref.setTag(tag);
        return ref;
    }

    static GitRepositoryRef semver(String range) {
        GitRepositoryRef ref = new GitRepositoryRef();
        ref.setSemver(range);
        return ref;
    }

    static GitRepositoryRef refName(String refName) {
        GitRepositoryRef ref = new GitRepositoryRef();
        ref.setName(refName);
        return ref;
    }

    static GitRepositoryRef commit(String sha, String branch) {
        GitRepositoryRef ref = new GitRepositoryRef();
        ref.setCommit(sha);
        ref.setBranch(branch);
        return ref;
    }

    static Repository open(FetchResult result) throws IOException {
        return new FileRepositoryBuilder().setGitDir(result.gitDir().toFile()).setMustExist(true).build();
    }

    /** Reads one file of the fetched commit's tree, as the artifact builder will. */
    static String readFile(FetchResult result, String path) throws IOException {
        try (Repository repository = open(result); RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(result.commitSha()));
            try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
                if (tree == null) {
                    throw new IOException(path + " is not in commit " + result.commitSha());
                }
                return new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    static void deleteObjects(Path gitDir) throws IOException {
        try (var files = Files.walk(gitDir.resolve("objects"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
    }
}
