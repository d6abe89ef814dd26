package io.sluice.source.git;

import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Revision;
import io.sluice.api.semver.SemanticVersion;
import io.sluice.git.GitFetchException.Failure;
import io.sluice.git.GitFetchException;
import io.sluice.git.Redactor;
import io.sluice.git.RemoteUrl;
import io.sluice.git.TransportSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Fetches the commit a GitRepository points at into a local bare clone kept per object, as Flux's
 * source-controller resolves {@code spec.ref}.
 *
 * <ul>
 *   <li>Only the one ref needed is fetched, shallow (depth 1) for branch, tag, semver and name; a commit is
 *       looked up in the full history of its branch (or of all branches). The next fetch of the same object
 *       first lists the remote's refs: when the ref has not moved, that is all (one round trip); when it has,
 *       the fetch is incremental: JGit sends what it has and the server sends only what is new.</li>
 *   <li>Small packs from incremental fetches are repacked into one past 50 packs.</li>
 *   <li>Force-pushes replace the local ref; a changed URL or an unreadable clone starts from scratch; a
 *       missing object found while fetching (a damaged cache) wipes the clone and fetches once more.</li>
 *   <li>{@code spec.timeout} bounds the whole fetch, and is also JGit's transport timeout (each read).</li>
 *   <li>Fetches of one object run one at a time; different objects run in parallel.</li>
 * </ul>
 *
 * Thread-safe; {@link #close()} stops the worker threads.
 */
public final class GitFetcher implements AutoCloseable {

    /** Packs in a clone before it is repacked into one (git's own gc.autoPackLimit is 50). */
    static final int DEFAULT_PACK_LIMIT = 50;

    private final Path cacheRoot;
    private final Map<Path, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final int packLimit;

    public GitFetcher(Path cacheRoot) {
        this(cacheRoot, DEFAULT_PACK_LIMIT);
    }

    GitFetcher(Path cacheRoot, int packLimit) {
        this.packLimit = packLimit;
        this.cacheRoot = Objects.requireNonNull(cacheRoot, "cacheRoot").toAbsolutePath();
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "git-fetch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The folder of the local clone kept for {@code owner}. */
    public Path cloneDirectory(ObjectKey owner) {
        String namespace = owner.namespace().isEmpty() ? "_cluster" : owner.namespace();
        if (namespace.startsWith(".") || owner.name().startsWith(".")) {
            throw new IllegalArgumentException("object " + owner + " has a name starting with '.', which Kubernetes does not allow");
        }
        return cacheRoot.resolve(namespace).resolve(owner.name());
    }

    /** Removes the local clone of a deleted object. */
    public void forget(ObjectKey owner) throws IOException {
        Path dir = cloneDirectory(owner);
        ReentrantLock lock = locks.computeIfAbsent(dir, d -> new ReentrantLock());
        lock.lock();
        try {
            LocalClone.wipe(dir);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fetches {@code request.ref()} of {@code request.url()} into the clone kept for {@code owner}.
     *
     * @throws GitFetchException with a message a person can act on; it never contains credentials
     */
    public FetchResult fetch(ObjectKey owner, FetchRequest request) throws GitFetchException {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(request, "request");
        RemoteUrl url = RemoteUrl.parse(request.url());
        GitReference reference;
        try {
            reference = GitReference.from(request.ref());
        } catch (IllegalArgumentException e) {
            throw new GitFetchException(Failure.INVALID_REF, e.getMessage(), e);
        }
        Path dir = cloneDirectory(owner);
        FetchErrors.Context context = new FetchErrors.Context(url, reference, request.credentials(), request.secretName(), request.timeout(), null);
        Future<FetchResult> work = workers.submit(() -> fetchLocked(dir, url, reference, request));
        try {
            return work.get(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            throw FetchErrors.timeout(context, null);
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            throw new GitFetchException(Failure.OTHER, "fetching " + reference.describe() + " from " + url + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GitFetchException failure) {
                throw failure;
            }
            throw new GitFetchException(Failure.OTHER, "fetching " + reference.describe() + " from " + url + " failed: "
                    + Redactor.of(request.credentials()).redact(FetchErrors.messages(e.getCause())), e.getCause());
        }
    }

    private FetchResult fetchLocked(Path dir, RemoteUrl url, GitReference reference, FetchRequest request) throws Exception {
        ReentrantLock lock = locks.computeIfAbsent(dir, d -> new ReentrantLock());
        lock.lockInterruptibly();
        try (TransportSetup transport = TransportSetup.create(url, request.credentials(), request.secretName(), sshHome())) {
            FetchErrors.Context context = new FetchErrors.Context(url, reference, request.credentials(), request.secretName(), request.timeout(), transport);
            Remote remote = new Remote(url, transport, transportTimeoutSeconds(request.timeout()), context);
            try {
                return fetchInto(dir, remote, reference);
            } catch (DamagedCloneException damaged) {
                // Start over once from an empty clone: the remote is fine, our copy is not.
                LocalClone.wipe(dir);
                try {
                    return fetchInto(dir, remote, reference);
                } catch (DamagedCloneException again) {
                    throw new GitFetchException(Failure.OTHER, "the local clone in " + dir + " is damaged even after a fresh fetch from "
                            + url + ": " + Redactor.of(request.credentials()).redact(FetchErrors.messages(again.getCause())), again.getCause());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private FetchResult fetchInto(Path dir, Remote remote, GitReference reference) throws GitFetchException, IOException, DamagedCloneException {
        try (Repository repository = LocalClone.open(dir, remote.url())) {
            FetchResult result = resolve(repository, remote, reference);
            LocalClone.compactIfNeeded(repository, packLimit);
            return result;
        }
    }

    private FetchResult resolve(Repository repository, Remote remote, GitReference reference)
            throws GitFetchException, IOException, DamagedCloneException {
        return reference.resolveWith(new GitReference.Resolver() {
            @Override
            public FetchResult namedRef(GitReference named, String refName, String revisionName)
                    throws GitFetchException, IOException, DamagedCloneException {
                ObjectId id = remote.fetchRef(repository, refName, named, 1);
                return result(repository, Revision.git(revisionName, commit(repository, id).name()));
            }

            @Override
            public FetchResult highestTag(GitReference.Semver semver) throws GitFetchException, IOException, DamagedCloneException {
                return fetchSemver(repository, remote, semver);
            }

            @Override
            public FetchResult exactCommit(GitReference.Commit commit) throws GitFetchException, IOException, DamagedCloneException {
                return fetchCommit(repository, remote, commit);
            }
        });
    }

    private FetchResult fetchSemver(Repository repository, Remote remote, GitReference.Semver semver)
            throws GitFetchException, IOException, DamagedCloneException {
        Map<String, Ref> tags = new HashMap<>();
        List<SemanticVersion> versions = new ArrayList<>();
        for (Ref tag : remote.list(false, true)) {
            String tagName = Repository.shortenRefName(tag.getName());
            tags.put(tagName, tag);
            SemanticVersion.parseTag(tagName).ifPresent(versions::add);
        }
        List<SemanticVersion> matching = versions.stream().filter(semver.range()::matches).sorted().toList();
        if (matching.isEmpty()) {
            Optional<SemanticVersion> highest = versions.stream().max(Comparator.naturalOrder());
            throw new GitFetchException(Failure.NO_SEMVER_MATCH, "no tag matches semver range '" + semver.range() + "' in " + remote.url()
                    + highest.map(v -> " (highest tag: " + v.original() + ")").orElse(" (the repository has no semantic-version tags)")
                    + "; change spec.ref.semver or push a matching tag");
        }
        SemanticVersion best = matching.get(matching.size() - 1);
        // Versions differing only in build metadata rank equal; as in Flux, the tag on the newest commit wins.
        List<SemanticVersion> tied = matching.stream().filter(best::samePrecedence).toList();
        SemanticVersion chosen = null;
        RevCommit chosenCommit = null;
        for (SemanticVersion candidate : tied) {
            ObjectId id = remote.fetchRef(repository, Constants.R_TAGS + candidate.original(), semver, 1, tags.get(candidate.original()));
            RevCommit commit = commit(repository, id);
            if (chosenCommit == null || commit.getCommitTime() > chosenCommit.getCommitTime()) {
                chosen = candidate;
                chosenCommit = commit;
            }
        }
        return result(repository, Revision.git(chosen.original(), chosenCommit.name()));
    }

    private FetchResult fetchCommit(Repository repository, Remote remote, GitReference.Commit wanted)
            throws GitFetchException, IOException, DamagedCloneException {
        ObjectId target = ObjectId.fromString(wanted.sha());
        if (wanted.branch() != null) {
            ObjectId tip = remote.fetchRef(repository, Constants.R_HEADS + wanted.branch(), wanted, 0);
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = repository.getObjectDatabase().has(target) ? walk.parseCommit(target) : null;
                if (commit == null || !walk.isMergedInto(commit, walk.parseCommit(tip))) {
                    throw new GitFetchException(Failure.REF_NOT_FOUND, "commit " + wanted.sha() + " is not on branch '" + wanted.branch()
                            + "' of " + remote.url() + "; check spec.ref.commit, or the branch it belongs to in spec.ref.branch");
                }
                return result(repository, Revision.git(wanted.branch(), commit.name()));
            } catch (MissingObjectException e) {
                throw new DamagedCloneException(e);
            }
        }
        remote.fetchAllBranches(repository, wanted);
        if (!isOnAnyBranch(repository, target)) {
            throw new GitFetchException(Failure.REF_NOT_FOUND, "commit " + wanted.sha() + " is not on any branch of " + remote.url()
                    + "; check spec.ref.commit (a commit only reachable from a tag or a pull request needs spec.ref.name)");
        }
        return result(repository, new Revision(null, "sha1", commit(repository, target).name()));
    }

    /** Reachable from a branch as the remote has them now (deleted branches were pruned by the fetch). */
    private static boolean isOnAnyBranch(Repository repository, ObjectId target) throws IOException, DamagedCloneException {
        if (!repository.getObjectDatabase().has(target)) {
            return false;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(target);
            for (Ref branch : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
                if (branch.getObjectId() != null && walk.isMergedInto(commit, walk.parseCommit(branch.getObjectId()))) {
                    return true;
                }
            }
            return false;
        } catch (MissingObjectException | CorruptObjectException e) {
            throw new DamagedCloneException(e);
        }
    }

    private static RevCommit commit(Repository repository, ObjectId id) throws IOException, DamagedCloneException {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id); // peels annotated tags
        } catch (MissingObjectException | CorruptObjectException e) {
            throw new DamagedCloneException(e);
        }
    }

    private static FetchResult result(Repository repository, Revision revision) {
        return new FetchResult(revision, revision.hash(), repository.getDirectory().toPath());
    }

    private Path sshHome() throws IOException {
        // An empty home for JGit's SSH client, so nothing in the machine's ~/.ssh is used.
        return Files.createDirectories(cacheRoot.resolve(".ssh-home"));
    }

    private static int transportTimeoutSeconds(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000));
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
