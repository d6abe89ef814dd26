package io.sluice.source.git;

import io.sluice.git.GitFetchException;
import io.sluice.git.RemoteUrl;
import io.sluice.git.TransportSetup;
import io.sluice.git.GitFetchException.Failure;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
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
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Talking to the remote for one fetch: ls-remote and fetch with credentials, timeout and error mapping. The refs
 * fetched keep their names in the local clone ({@code +refs/heads/main:refs/heads/main}), tags are not followed.
 */
record Remote(RemoteUrl url, TransportSetup transport, int timeoutSeconds, FetchErrors.Context context) {

    /** Refs named when a reference is missing; the rest are counted. */
    private static final int MAX_LISTED_REFS = 20;

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
                throw notFound(reference);
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
            throw notFound(reference);
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
                throw notFound(reference);
            }
            throw FetchErrors.classify(e, context);
        }
    }

    private GitFetchException notFound(GitReference reference) throws GitFetchException {
        GitReference.RefKind kind = reference.kind();
        List<String> names = list(kind.heads(), kind.tags()).stream()
                .map(Ref::getName)
                .map(name -> kind.fullNames() ? name : Repository.shortenRefName(name))
                .sorted()
                .toList();
        String available = names.isEmpty()
                ? "the repository has no " + kind.word()
                : "available " + kind.word() + ": " + String.join(", ", names.subList(0, Math.min(MAX_LISTED_REFS, names.size())))
                + (names.size() > MAX_LISTED_REFS ? " and " + (names.size() - MAX_LISTED_REFS) + " more" : "");
        return new GitFetchException(Failure.REF_NOT_FOUND, reference.missing() + " not found in " + url + "; " + available
                + (kind == GitReference.RefKind.BRANCHES && !names.isEmpty() ? " (was it deleted or renamed? update spec.ref)" : ""));
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
