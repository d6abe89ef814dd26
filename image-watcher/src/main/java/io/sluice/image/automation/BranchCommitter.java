package io.sluice.image.automation;

import io.sluice.api.meta.ObjectKey;
import io.sluice.git.GitFetchException;
import io.sluice.git.Redactor;
import io.sluice.git.RemoteUrl;
import io.sluice.git.TransportSetup;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Makes one automation commit without a working tree, so nothing half-written can reach Git:
 * <ol>
 *   <li>fetch the checkout branch into a bare repository kept per automation;</li>
 *   <li>read the files of its tip under the update path and let the editor change them, in memory;</li>
 *   <li>when a file changed: a new tree (the tip's, with the changed blobs), one commit (signed when asked), the
 *       local push branch set to it;</li>
 *   <li>push it to the push branch (forced when that is not the checkout branch, as Flux does), then the refspec;
 *       a push rejected as non-fast-forward (someone pushed meanwhile) fetches again and re-applies the change on the
 *       new tip, up to {@value #ATTEMPTS} times.</li>
 * </ol>
 */
final class BranchCommitter {

    static final int ATTEMPTS = 3;
    private static final String REMOTE_REFS = "refs/remotes/origin/";
    /** Only files holding this are parsed, as Flux screens them (Helm templates and the like never are). */
    private static final byte[] MARKER_TOKEN = "\"$imagepolicy\"".getBytes(StandardCharsets.UTF_8);

    /** One attempt's changes: a fresh editor each time, so a retry starts from the new tip. */
    interface Changes extends FileEditor {
        /** Called once every file was edited, changed or not: fails when a file could not be (nothing is committed). */
        void finish() throws GitPushException;

        /** The commit message, once every file was edited and something changed. */
        String message() throws GitPushException;
    }

    /** Who commits and how the commit is signed. */
    record Author(String name, String email, CommitSigner signer) {
    }

    /** What happened. */
    sealed interface Outcome {
        /** The tip already has every marked value; nothing committed. */
        record NoChange(String checkoutCommit) implements Outcome {
        }

        /** A commit was pushed. */
        record Pushed(String commit, String checkoutCommit, String message) implements Outcome {
        }
    }

    private final Path root;
    private final Map<Path, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** For tests: runs after each fetch, before the push (another writer pushing meanwhile). */
    private volatile Runnable afterFetch = () -> { };

    BranchCommitter(Path root) {
        this.root = root.toAbsolutePath();
    }

    void afterFetch(Runnable hook) {
        this.afterFetch = hook;
    }

    Outcome update(ObjectKey automation, BranchUpdate update, Author author, Supplier<Changes> changes) throws GitPushException {
        RemoteUrl url;
        try {
            url = RemoteUrl.parse(update.url());
        } catch (GitFetchException e) {
            throw new GitPushException("GitOperationFailed", e.getMessage(), e);
        }
        Path dir = root.resolve(automation.namespace()).resolve(automation.name());
        ReentrantLock lock = locks.computeIfAbsent(dir, d -> new ReentrantLock());
        lock.lock();
        try (TransportSetup transport = TransportSetup.create(url, update.credentials(), update.secretName(), sshHome());
             Repository repository = open(dir)) {
            Remote remote = new Remote(url, transport, update);
            for (int attempt = 1; ; attempt++) {
                ObjectId tip = remote.fetch(repository, update.checkoutBranch());
                afterFetch.run();
                Changes change = changes.get();
                Optional<ObjectId> tree = edit(repository, tip, update.path(), change);
                change.finish();
                if (tree.isEmpty()) {
                    return new Outcome.NoChange(tip.name());
                }
                boolean separateBranch = !update.pushBranch().equals(update.checkoutBranch());
                if (separateBranch && remote.tryFetch(repository, update.pushBranch()).map(pushed -> sameTree(repository, pushed, tree.get())).orElse(false)) {
                    return new Outcome.NoChange(tip.name()); // the push branch already holds exactly this change
                }
                String message = change.message();
                ObjectId commit = commit(repository, tip, tree.get(), author, message);
                setRef(repository, Constants.R_HEADS + update.pushBranch(), commit);
                RemoteRefUpdate.Status status = remote.push(repository, Constants.R_HEADS + update.pushBranch() + ":" + Constants.R_HEADS + update.pushBranch(),
                        separateBranch);
                if (status == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD || status == RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED) {
                    if (attempt == ATTEMPTS) {
                        throw new GitPushException("GitOperationFailed", "pushing to branch '" + update.pushBranch() + "' of " + url
                                + " was rejected as non-fast-forward " + ATTEMPTS + " times in a row (others keep pushing); the next run tries again", null);
                    }
                    continue;
                }
                if (update.refspec() != null && !update.refspec().isBlank()) {
                    remote.push(repository, update.refspec(), false);
                }
                return new Outcome.Pushed(commit.name(), tip.name(), message);
            }
        } catch (GitFetchException e) {
            throw new GitPushException("GitOperationFailed", e.getMessage(), e);
        } catch (IOException e) {
            throw new GitPushException("GitOperationFailed", "the local clone in " + dir + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** The tip's tree with the edited files replaced; empty when no file changed. */
    private static Optional<ObjectId> edit(Repository repository, ObjectId tip, String path, FileEditor editor) throws IOException, GitPushException {
        String prefix = normalize(path);
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        boolean changed = false;
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader();
             ObjectInserter inserter = repository.newObjectInserter(); TreeWalk tree = new TreeWalk(reader)) {
            tree.addTree(walk.parseCommit(tip).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                String file = tree.getPathString();
                ObjectId blob = tree.getObjectId(0);
                FileMode mode = tree.getFileMode(0);
                if (mode == FileMode.REGULAR_FILE && isCandidate(file, prefix)) {
                    byte[] bytes = reader.open(blob).getBytes();
                    if (contains(bytes, MARKER_TOKEN)) {
                        Optional<String> edited = editor.edit(file, new String(bytes, StandardCharsets.UTF_8));
                        if (edited.isPresent()) {
                            blob = inserter.insert(Constants.OBJ_BLOB, edited.get().getBytes(StandardCharsets.UTF_8));
                            changed = true;
                        }
                    }
                }
                DirCacheEntry entry = new DirCacheEntry(file);
                entry.setFileMode(mode);
                entry.setObjectId(blob);
                builder.add(entry);
            }
            builder.finish();
            if (!changed) {
                return Optional.empty();
            }
            ObjectId newTree = index.writeTree(inserter);
            inserter.flush();
            return Optional.of(newTree);
        }
    }

    private static boolean sameTree(Repository repository, ObjectId commit, ObjectId tree) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(commit).getTree().getId().equals(tree);
        } catch (IOException e) {
            return false;
        }
    }

    private static ObjectId commit(Repository repository, ObjectId parent, ObjectId tree, Author author, String message)
            throws IOException, GitPushException {
        PersonIdent person = new PersonIdent(author.name() == null || author.name().isBlank() ? author.email() : author.name(), author.email());
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentId(parent);
        commit.setAuthor(person);
        commit.setCommitter(person);
        commit.setMessage(message);
        if (author.signer() != null) {
            commit.setGpgSignature(new GpgSignature(author.signer().sign(commit.build())));
        }
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }

    private static void setRef(Repository repository, String ref, ObjectId commit) throws IOException {
        RefUpdate update = repository.updateRef(ref);
        update.setNewObjectId(commit);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE
                && result != RefUpdate.Result.FAST_FORWARD) {
            throw new IOException("could not set " + ref + " to " + commit.name() + ": " + result);
        }
    }

    private static boolean isCandidate(String file, String prefix) {
        if (!prefix.isEmpty() && !file.startsWith(prefix + "/")) {
            return false;
        }
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.equals("Kustomization");
    }

    private static boolean contains(byte[] bytes, byte[] token) {
        outer:
        for (int i = 0; i <= bytes.length - token.length; i++) {
            for (int j = 0; j < token.length; j++) {
                if (bytes[i + j] != token[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** {@code ./deploy/}, {@code deploy}, {@code /deploy} → {@code deploy}; {@code ./} and {@code ""} → the root. */
    static String normalize(String path) {
        String p = path == null ? "" : path.trim().replace('\\', '/');
        while (p.startsWith("./") || p.startsWith("/")) {
            p = p.startsWith("./") ? p.substring(2) : p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals(".") ? "" : p;
    }

    private Path sshHome() throws GitPushException {
        try {
            return Files.createDirectories(root.resolve(".ssh-home"));
        } catch (IOException e) {
            throw new GitPushException("GitOperationFailed", "cannot create " + root.resolve(".ssh-home") + ": " + e.getMessage(), e);
        }
    }

    private static Repository open(Path dir) throws IOException {
        if (!Files.isDirectory(dir.resolve("objects"))) {
            Files.createDirectories(dir);
            try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("main").call()) {
                git.getRepository().getConfig().setInt("gc", null, "auto", 0);
                git.getRepository().getConfig().save();
            } catch (GitAPIException e) {
                throw new IOException("cannot create a Git repository in " + dir + ": " + e.getMessage(), e);
            }
        }
        return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    }

    /** The remote, reached through the GitRepository's credentials. */
    private record Remote(RemoteUrl url, TransportSetup transport, BranchUpdate update) {

        ObjectId fetch(Repository repository, String branch) throws GitPushException {
            String tracking = REMOTE_REFS + branch;
            try (Git git = new Git(repository)) {
                git.fetch().setRemote(url.forFetch())
                        .setRefSpecs(new RefSpec("+" + Constants.R_HEADS + branch + ":" + tracking))
                        .setCredentialsProvider(transport.credentialsProvider())
                        .setTransportConfigCallback(transport)
                        .setTimeout(seconds())
                        .call();
                Ref ref = repository.exactRef(tracking);
                if (ref == null) {
                    throw new GitPushException("GitOperationFailed", "branch '" + branch + "' not found in " + url
                            + "; check spec.git.checkout.ref (or the GitRepository's spec.ref)", null);
                }
                return ref.getObjectId();
            } catch (GitAPIException | IOException e) {
                throw new GitPushException("GitOperationFailed", "failed to checkout source: fetching branch '" + branch + "' of " + url
                        + " failed: " + redact(e), e);
            }
        }

        /** Fetches a branch that may not exist yet (a push branch before the first push). */
        Optional<ObjectId> tryFetch(Repository repository, String branch) {
            try {
                return Optional.of(fetch(repository, branch));
            } catch (GitPushException missing) {
                return Optional.empty();
            }
        }

        /** Pushes one refspec; returns the status of a rejection the caller can handle (non-fast-forward), else OK. */
        RemoteRefUpdate.Status push(Repository repository, String refspec, boolean force) throws GitPushException {
            RefSpec spec = new RefSpec(refspec).setForceUpdate(force);
            try (Git git = new Git(repository)) {
                Iterable<PushResult> results = git.push().setRemote(url.forFetch()).setRefSpecs(spec)
                        .setPushOptions(update.pushOptionList().isEmpty() ? null : new ArrayList<>(update.pushOptionList()))
                        .setCredentialsProvider(transport.credentialsProvider())
                        .setTransportConfigCallback(transport)
                        .setTimeout(seconds())
                        .call();
                for (PushResult result : results) {
                    for (RemoteRefUpdate ref : result.getRemoteUpdates()) {
                        switch (ref.getStatus()) {
                            case OK, UP_TO_DATE:
                                break;
                            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED:
                                return ref.getStatus();
                            default:
                                throw new GitPushException("GitOperationFailed", "the Git server rejected the push of " + refspec + " to " + url + ": "
                                        + ref.getStatus() + (ref.getMessage() == null ? "" : " (" + ref.getMessage() + ")")
                                        + messages(result), null);
                        }
                    }
                }
                return RemoteRefUpdate.Status.OK;
            } catch (GitAPIException e) {
                throw new GitPushException("GitOperationFailed", "pushing " + refspec + " to " + url + " failed: " + redact(e)
                        + "; check that the credentials of the GitRepository may push there", e);
            }
        }

        private String redact(Exception e) {
            StringBuilder text = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && text.indexOf(t.getMessage()) < 0) {
                    text.append(text.isEmpty() ? "" : ": ").append(t.getMessage());
                }
            }
            return Redactor.of(update.credentials()).redact(text.toString());
        }

        private static String messages(PushResult result) {
            String messages = result.getMessages();
            return messages == null || messages.isBlank() ? "" : "; the server said: " + messages.strip();
        }

        private int seconds() {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, update.timeout().toSeconds()));
        }
    }
}
