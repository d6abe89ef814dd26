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
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
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
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LsRemoteCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.PackInvalidException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

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

    private static final int MAX_LISTED_REFS = 20;
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
        // Java 17: no pattern switch; the sealed interface keeps this list complete.
        if (reference instanceof GitReference.Semver semver) {
            return fetchSemver(repository, remote, semver);
        }
        if (reference instanceof GitReference.Commit commit) {
            return fetchCommit(repository, remote, commit);
        }
        String refName;
        String revisionRef;
        if (reference instanceof GitReference.Branch branch) {
            refName = branch.refName();
            revisionRef = branch.name();
        } else if (reference instanceof GitReference.Tag tag) {
            refName = tag.refName();
            revisionRef = tag.name();
        } else if (reference instanceof GitReference.RefName name) {
            refName = name.name();
            revisionRef = name.name(); // Flux keeps the full name for spec.ref.name
        } else {
            throw new IllegalStateException("unknown reference kind " + reference);
        }
        ObjectId id = remote.fetchRef(repository, refName, reference, 1);
        return result(repository, Revision.git(revisionRef, commit(repository, id).name()));
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

    /** The local clone lost objects it should have; thrown to start over from an empty clone. */
    private static final class DamagedCloneException extends Exception {
        DamagedCloneException(Throwable cause) {
            super(cause);
        }
    }

    /** Talking to the remote for one fetch: ls-remote and fetch with credentials, timeout and error mapping. */
    private record Remote(RemoteUrl url, TransportSetup transport, int timeoutSeconds, FetchErrors.Context context) {

        /** Fetches one ref into the same name locally and returns the commit (or tag) id the remote advertised. */
        ObjectId fetchRef(Repository repository, String refName, GitReference reference, int depth)
                throws GitFetchException, IOException, DamagedCloneException {
            return fetchRef(repository, refName, reference, depth, null);
        }

        /** As above; {@code known} is the remote's ref when a listing already returned it (semver), else null. */
        ObjectId fetchRef(Repository repository, String refName, GitReference reference, int depth, Ref known)
                throws GitFetchException, IOException, DamagedCloneException {
            Ref local = repository.exactRef(refName);
            boolean historyNeeded = depth == 0 && LocalClone.isShallow(repository);
            if (local != null && local.getObjectId() != null && !historyNeeded) {
                // Polling usually finds nothing new: one ref listing answers that, where a shallow fetch would
                // also negotiate. Only when the ref moved is it fetched.
                Ref advertised = known != null ? known : list(refName.startsWith(Constants.R_HEADS), refName.startsWith(Constants.R_TAGS))
                        .stream().filter(ref -> ref.getName().equals(refName)).findFirst().orElse(null);
                if (advertised == null || advertised.getObjectId() == null) {
                    throw notFound(repository, reference);
                }
                if (advertised.getObjectId().equals(local.getObjectId()) && repository.getObjectDatabase().has(local.getObjectId())) {
                    return local.getObjectId();
                }
            }
            FetchCommand fetch = fetchCommand(repository, new RefSpec("+" + refName + ":" + refName));
            if (depth > 0) {
                fetch.setDepth(depth);
            } else if (LocalClone.isShallow(repository)) {
                fetch.setUnshallow(true);
            }
            org.eclipse.jgit.transport.FetchResult result = run(fetch, repository, reference, refName);
            Ref advertised = result.getAdvertisedRef(refName);
            if (advertised == null || advertised.getObjectId() == null) {
                throw notFound(repository, reference);
            }
            return advertised.getObjectId();
        }

        void fetchAllBranches(Repository repository, GitReference reference) throws GitFetchException, IOException, DamagedCloneException {
            FetchCommand fetch = fetchCommand(repository, new RefSpec("+refs/heads/*:refs/heads/*")).setRemoveDeletedRefs(true);
            if (LocalClone.isShallow(repository)) {
                fetch.setUnshallow(true);
            }
            run(fetch, repository, reference, null);
        }

        Collection<Ref> list(boolean heads, boolean tags) throws GitFetchException {
            LsRemoteCommand ls = Git.lsRemoteRepository()
                    .setRemote(url.forFetch())
                    .setHeads(heads)
                    .setTags(tags)
                    .setTimeout(timeoutSeconds)
                    .setTransportConfigCallback(transport);
            if (transport.credentialsProvider() != null) {
                ls.setCredentialsProvider(transport.credentialsProvider());
            }
            try {
                return ls.call();
            } catch (GitAPIException | JGitInternalException e) {
                throw FetchErrors.classify(e, context);
            }
        }

        private FetchCommand fetchCommand(Repository repository, RefSpec spec) {
            FetchCommand fetch = new Git(repository).fetch()
                    .setRemote(url.forFetch())
                    .setRefSpecs(spec)
                    .setTagOpt(TagOpt.NO_TAGS)
                    .setForceUpdate(true)
                    .setTimeout(timeoutSeconds)
                    .setTransportConfigCallback(transport);
            if (transport.credentialsProvider() != null) {
                fetch.setCredentialsProvider(transport.credentialsProvider());
            }
            return fetch;
        }

        private org.eclipse.jgit.transport.FetchResult run(FetchCommand fetch, Repository repository, GitReference reference, String refName)
                throws GitFetchException, DamagedCloneException {
            try {
                return fetch.call();
            } catch (GitAPIException | JGitInternalException e) {
                if (isDamagedClone(e)) {
                    throw new DamagedCloneException(e);
                }
                String text = FetchErrors.messages(e);
                if (refName != null && text.contains("Remote does not have " + refName)) {
                    throw notFound(repository, reference);
                }
                throw FetchErrors.classify(e, context);
            }
        }

        private GitFetchException notFound(Repository repository, GitReference reference) throws GitFetchException {
            String kind = reference instanceof GitReference.Tag || reference instanceof GitReference.Semver ? "tags"
                    : reference instanceof GitReference.RefName ? "references"
                    : "branches";
            boolean heads = !kind.equals("tags");
            boolean tags = !kind.equals("branches");
            List<String> names = list(heads, tags).stream()
                    .map(Ref::getName)
                    .map(name -> kind.equals("references") ? name : Repository.shortenRefName(name))
                    .sorted()
                    .toList();
            String available = names.isEmpty()
                    ? "the repository has no " + kind
                    : "available " + kind + ": " + String.join(", ", names.subList(0, Math.min(MAX_LISTED_REFS, names.size())))
                    + (names.size() > MAX_LISTED_REFS ? " and " + (names.size() - MAX_LISTED_REFS) + " more" : "");
            String what = reference instanceof GitReference.Commit c ? "branch '" + c.branch() + "'" : reference.describe();
            return new GitFetchException(Failure.REF_NOT_FOUND, what + " not found in " + url + "; " + available
                    + (reference instanceof GitReference.Branch && !names.isEmpty() ? " (was it deleted or renamed? update spec.ref)" : ""));
        }

        private static boolean isDamagedClone(Throwable error) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof MissingObjectException || t instanceof CorruptObjectException || t instanceof PackInvalidException) {
                    return true;
                }
            }
            return false;
        }
    }
}
