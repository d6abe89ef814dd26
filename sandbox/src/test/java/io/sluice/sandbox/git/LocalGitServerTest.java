package io.sluice.sandbox.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.sandbox.PortInUseException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalGitServerTest {

    @TempDir
    Path work;

    @Test
    void cloneWithTheRightPasswordGetsTheCommittedFiles() throws Exception {
        try (LocalGitServer server = LocalGitServer.builder().basicAuth("sluice", "s3cret").start()) {
            server.createBareRepository("podinfo");
            ObjectId commit = server.commitFiles("podinfo", "main", Map.of(
                    "kustomization.yaml", "resources:\n- deploy.yaml\n",
                    "apps/deploy.yaml", "kind: Deployment\n"), "initial");

            assertThat(server.url("podinfo").toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/git/podinfo.git");
            try (Git clone = Git.cloneRepository().setURI(server.url("podinfo").toString())
                    .setDirectory(work.resolve("clone").toFile())
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider("sluice", "s3cret")).call()) {
                assertThat(clone.getRepository().getBranch()).isEqualTo("main");
                assertThat(clone.getRepository().resolve("HEAD")).isEqualTo(commit);
            }
            assertThat(work.resolve("clone/kustomization.yaml")).hasContent("resources:\n- deploy.yaml\n");
            assertThat(work.resolve("clone/apps/deploy.yaml")).hasContent("kind: Deployment\n");
        }
    }

    @Test
    void cloneWithAWrongPasswordIsNotAuthorized() throws Exception {
        try (LocalGitServer server = LocalGitServer.builder().basicAuth("sluice", "s3cret").start()) {
            server.createBareRepository("private");
            server.commitFiles("private", "main", Map.of("a.txt", "a"), "initial");

            assertThatThrownBy(() -> Git.cloneRepository().setURI(server.url("private").toString())
                    .setDirectory(work.resolve("wrong").toFile())
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider("sluice", "wrong")).call())
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("not authorized");
            assertThatThrownBy(() -> Git.cloneRepository().setURI(server.url("private").toString())
                    .setDirectory(work.resolve("none").toFile()).call())
                    .as("no credentials at all")
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("Authentication is required");
        }
    }

    @Test
    void pushWithTheRightCredentialsUpdatesTheServerBranch() throws Exception {
        try (LocalGitServer server = LocalGitServer.builder().basicAuth("sluice", "s3cret").start()) {
            server.createBareRepository("fleet");
            server.commitFiles("fleet", "main", Map.of("README.md", "fleet\n"), "initial");
            UsernamePasswordCredentialsProvider credentials = new UsernamePasswordCredentialsProvider("sluice", "s3cret");

            try (Git clone = Git.cloneRepository().setURI(server.url("fleet").toString())
                    .setDirectory(work.resolve("fleet").toFile()).setCredentialsProvider(credentials).call()) {
                Files.writeString(work.resolve("fleet/app.yaml"), "kind: ConfigMap\n");
                clone.add().addFilepattern("app.yaml").call();
                RevCommit pushed = clone.commit().setMessage("add app").setAuthor("dev", "dev@example.invalid")
                        .setCommitter("dev", "dev@example.invalid").setSign(false).call();
                Iterable<PushResult> results = clone.push().setCredentialsProvider(credentials).call();
                assertThat(results.iterator().next().getRemoteUpdate("refs/heads/main").getStatus())
                        .isEqualTo(RemoteRefUpdate.Status.OK);

                assertThat(server.repository("fleet").resolve("refs/heads/main")).isEqualTo(pushed);
            }
        }
    }

    @Test
    void anonymousServerServesClonesButRefusesPushes() throws Exception {
        try (LocalGitServer server = LocalGitServer.start()) {
            assertThat(server.pushAllowed()).isFalse();
            server.createBareRepository("open");
            server.commitFiles("open", "main", Map.of("a.txt", "a\n"), "initial");
            try (Git clone = Git.cloneRepository().setURI(server.url("open").toString())
                    .setDirectory(work.resolve("open").toFile()).call()) {
                Files.writeString(work.resolve("open/b.txt"), "b\n");
                clone.add().addFilepattern("b.txt").call();
                clone.commit().setMessage("b").setAuthor("dev", "dev@example.invalid")
                        .setCommitter("dev", "dev@example.invalid").setSign(false).call();
                assertThatThrownBy(() -> clone.push().call()).isInstanceOf(TransportException.class);
            }
        }
    }

    @Test
    void anonymousPushCanBeAllowedExplicitly() throws Exception {
        try (LocalGitServer server = LocalGitServer.builder().allowAnonymousPush().start()) {
            server.createBareRepository("scratch");
            server.commitFiles("scratch", "main", Map.of("a.txt", "a\n"), "initial");
            try (Git clone = Git.cloneRepository().setURI(server.url("scratch").toString())
                    .setDirectory(work.resolve("scratch").toFile()).call()) {
                Files.writeString(work.resolve("scratch/b.txt"), "b\n");
                clone.add().addFilepattern("b.txt").call();
                RevCommit pushed = clone.commit().setMessage("b").setAuthor("dev", "dev@example.invalid")
                        .setCommitter("dev", "dev@example.invalid").setSign(false).call();
                clone.push().call();
                assertThat(server.repository("scratch").resolve("refs/heads/main")).isEqualTo(pushed);
            }
        }
    }

    @Test
    void commitFilesAddsOnTopOfTheBranchAndSeedReplacesIt() throws Exception {
        Path folder = Files.createDirectories(work.resolve("quickstart/apps"));
        Files.writeString(folder.resolve("app.yaml"), "kind: Deployment\n");
        Files.writeString(work.resolve("quickstart/run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(work.resolve("quickstart/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(work.resolve("quickstart/.git"));
        Files.writeString(work.resolve("quickstart/.git/config"), "ignored");
        Files.writeString(work.resolve("quickstart/.gitignore"), "kept\n");

        try (LocalGitServer server = LocalGitServer.start()) {
            server.createBareRepository("quickstart");
            ObjectId first = server.commitFiles("quickstart", "main", Map.of("old.txt", "old\n"), "first");
            ObjectId second = server.commitFiles("quickstart", "main", Map.of("new.txt", "new\n"), "second");
            Repository repo = server.repository("quickstart");
            assertThat(files(repo, second)).containsOnlyKeys("old.txt", "new.txt");
            assertThat(parent(repo, second)).isEqualTo(first);

            ObjectId seeded = server.seed("quickstart", "main", work.resolve("quickstart"), "seed");
            Map<String, FileMode> tree = files(repo, seeded);
            assertThat(tree).containsOnlyKeys("apps/app.yaml", "run.sh", ".gitignore");
            assertThat(tree.get("run.sh")).isEqualTo(FileMode.EXECUTABLE_FILE);
            assertThat(tree.get("apps/app.yaml")).isEqualTo(FileMode.REGULAR_FILE);
            assertThat(parent(repo, seeded)).isEqualTo(second);

            ObjectId otherRepo = server.seed("fresh", "main", work.resolve("quickstart"), "seed a new repository");
            assertThat(server.repositoryDirectory("fresh")).isDirectory();
            assertThat(server.repository("fresh").resolve(Constants.HEAD)).isEqualTo(otherRepo);
        }
    }

    @Test
    void badNamesPathsAndDuplicatesAreRejectedWithClearMessages() {
        try (LocalGitServer server = LocalGitServer.start()) {
            server.createBareRepository("dup");
            assertThatThrownBy(() -> server.createBareRepository("dup"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
            assertThatThrownBy(() -> server.url("../etc"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../etc'");
            assertThatThrownBy(() -> server.createBareRepository("podinfo.git"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".git");
            assertThatThrownBy(() -> server.repository("missing"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("createBareRepository(\"missing\")");
            assertThatThrownBy(() -> server.commitFiles("dup", "main", Map.of("../escape.txt", "x"), "bad"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../escape.txt'");
            assertThatThrownBy(() -> server.seed("dup", "main", work.resolve("nope"), "bad"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a directory");
            assertThatThrownBy(() -> LocalGitServer.builder().basicAuth("a:b", "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("':'");
        }
    }

    @Test
    void busyPortFailsFastAndCloseDeletesTheRepositories() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalGitServer.start(squatter.getLocalPort()))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + squatter.getLocalPort())
                    .hasMessageContaining("Git server");
        }
        LocalGitServer server = LocalGitServer.start();
        server.createBareRepository("temp");
        Path dir = server.repositoryDirectory("temp");
        assertThat(dir).isDirectory();
        server.close();
        server.close();
        assertThat(dir).doesNotExist();
        assertThat(dir.getParent()).as("the whole repository root").doesNotExist();
    }

    @Test
    void aPersistentDirectoryKeepsTheRepositoriesAndTheirHistoryForTheNextServer() throws Exception {
        Path kept = work.resolve("kept-git");
        ObjectId first;
        try (LocalGitServer server = LocalGitServer.builder().allowAnonymousPush().persistentDirectory(kept).start()) {
            assertThat(server.hasRepository("app")).isFalse();
            first = server.commitFiles(created(server, "app"), "main", Map.of("a.txt", "a\n"), "first");
        }
        assertThat(kept.resolve("app.git")).as("kept after close").isDirectory();

        try (LocalGitServer again = LocalGitServer.builder().allowAnonymousPush().persistentDirectory(kept).start()) {
            assertThat(again.hasRepository("app")).isTrue();
            try (Git clone = Git.cloneRepository().setURI(again.url("app").toString())
                    .setDirectory(work.resolve("app-clone").toFile()).call()) {
                assertThat(clone.getRepository().resolve("refs/heads/main")).as("same history").isEqualTo(first);
                Files.writeString(work.resolve("app-clone/b.txt"), "b\n");
                clone.add().addFilepattern("b.txt").call();
                RevCommit second = clone.commit().setMessage("second").setAuthor("dev", "dev@example.invalid")
                        .setCommitter("dev", "dev@example.invalid").setSign(false).call();
                clone.push().call();
                assertThat(parent(again.repository("app"), second)).isEqualTo(first);
            }
        }
    }

    private static String created(LocalGitServer server, String name) {
        server.createBareRepository(name);
        return name;
    }

    private static Map<String, FileMode> files(Repository repo, ObjectId commit) throws Exception {
        Map<String, FileMode> files = new java.util.TreeMap<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(commit).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                files.put(tree.getPathString(), tree.getFileMode(0));
            }
        }
        return files;
    }

    private static ObjectId parent(Repository repo, ObjectId commit) throws Exception {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(commit).getParent(0).getId();
        }
    }
}
