package io.sluice.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.PushCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * A clone of a repository on the sandbox Git server, changed and pushed over smart HTTP the way a developer does:
 * write or delete files, commit, push {@code main}.
 */
final class WorkingCopy implements AutoCloseable {

    private static final PersonIdent AUTHOR = new PersonIdent("E2E Test", "e2e@sluice.invalid");

    private final Git git;
    private final Path dir;
    private final String url;

    private WorkingCopy(Git git, Path dir, String url) {
        this.git = git;
        this.dir = dir;
        this.url = url;
    }

    static WorkingCopy cloneOf(String url, Path dir) throws GitAPIException {
        return new WorkingCopy(Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).setBranch("main").call(), dir, url);
    }

    String url() {
        return url;
    }

    /** The commit {@code main} points at here. */
    String head() throws IOException {
        return git.getRepository().resolve("HEAD").name();
    }

    /**
     * Writes {@code files} (path → text; a null text deletes the file), commits everything and pushes {@code main}.
     *
     * @return the new commit's SHA
     */
    String commitAndPush(Map<String, String> files, String message) throws GitAPIException {
        files.forEach((path, text) -> {
            Path file = dir.resolve(path);
            try {
                if (text == null) {
                    Files.delete(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, text, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not change " + file + " in the working copy", e);
            }
        });
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call(); // stages deletions too
        RevCommit commit = git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).call();
        PushCommand push = git.push().setRemote("origin").add("main");
        for (PushResult result : push.call()) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                if (update.getStatus() != RemoteRefUpdate.Status.OK) {
                    throw new IllegalStateException("Pushing " + commit.name() + " to " + url + " was refused: "
                            + update.getStatus() + " " + update.getMessage());
                }
            }
        }
        return commit.name();
    }

    @Override
    public void close() {
        git.close();
    }
}
