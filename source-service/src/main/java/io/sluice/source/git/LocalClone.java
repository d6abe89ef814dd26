package io.sluice.source.git;

import io.sluice.git.RemoteUrl;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The bare repository kept for one object under {@code <cacheRoot>/<namespace>/<name>}. Remote refs are stored
 * under their own names ({@code refs/heads/main}, {@code refs/tags/v1.0.0}, {@code refs/pull/1/head}).
 *
 * <p>The URL it was cloned from is remembered as a SHA-256 (so no credential in the URL reaches the disk); a
 * different URL, or a repository JGit cannot open, means starting over from an empty one.
 */
final class LocalClone {

    private static final String SECTION = "sluice";
    private static final String URL_KEY = "urlsha256";

    private LocalClone() {
    }

    /** Opens the clone for {@code url}, creating it (or re-creating it when the URL changed or it is unreadable). */
    static Repository open(Path dir, RemoteUrl url) throws IOException {
        if (Files.isDirectory(dir)) {
            Repository existing = tryOpen(dir);
            if (existing != null && url.fingerprint().equals(existing.getConfig().getString(SECTION, null, URL_KEY))) {
                return existing;
            }
            if (existing != null) {
                existing.close();
            }
            wipe(dir);
        }
        return init(dir, url);
    }

    /**
     * Each incremental fetch adds one small pack; past {@code packLimit} packs, repack them into one so that
     * reading objects stays fast. Unreachable objects (e.g. after a force-push) are pruned by JGit's
     * default expiry (two weeks), so a reader of an earlier commit is not cut off.
     */
    static void compactIfNeeded(Repository repository, int packLimit) throws IOException {
        Path packDir = repository.getDirectory().toPath().resolve("objects").resolve("pack");
        if (!Files.isDirectory(packDir)) {
            return;
        }
        long packs;
        try (var files = Files.list(packDir)) {
            packs = files.filter(p -> p.getFileName().toString().endsWith(".pack")).count();
        }
        if (packs <= packLimit) {
            return;
        }
        try (Git git = new Git(repository)) {
            git.gc().call();
        } catch (GitAPIException e) {
            throw new IOException("cannot repack the clone in " + repository.getDirectory() + ": " + e.getMessage(), e);
        }
    }

    static boolean isShallow(Repository repository) throws IOException {
        return !repository.getObjectDatabase().getShallowCommits().isEmpty();
    }

    /** Deletes the clone (and what is left of it). */
    static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static Repository tryOpen(Path dir) {
        try {
            Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
            repository.getConfig().load(); // throws on an unreadable config
            repository.getObjectDatabase().getShallowCommits(); // throws on an unreadable shallow file
            return repository;
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static Repository init(Path dir, RemoteUrl url) throws IOException {
        Files.createDirectories(dir);
        try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Repository repository = git.getRepository();
            StoredConfig config = repository.getConfig();
            config.setString(SECTION, null, URL_KEY, url.fingerprint());
            // No automatic gc from JGit after a fetch: detached, it races with wiping the clone; attached, it
            // costs a scan on every fetch. compactIfNeeded() repacks instead, under the fetcher's lock.
            config.setInt("gc", null, "auto", 0);
            config.setInt("gc", null, "autoPackLimit", 0);
            config.setBoolean("gc", null, "autoDetach", false);
            // Repacking replaces the small packs at once (JGit keeps them an hour by default): readers of an
            // earlier commit still find its objects in the new pack, and JGit rescans when a pack goes.
            config.setString("gc", null, "prunePackExpire", "now");
            config.save();
            return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
        } catch (GitAPIException e) {
            throw new IOException("cannot create a Git repository in " + dir + ": " + e.getMessage(), e);
        }
    }
}
