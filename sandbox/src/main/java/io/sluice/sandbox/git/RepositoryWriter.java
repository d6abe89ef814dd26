package io.sluice.sandbox.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Writes commits straight into a bare repository (no working tree, no push round trip): the result is
 * what a client would see after pushing the same files.
 */
final class RepositoryWriter {

    static final PersonIdent AUTHOR = new PersonIdent("Sluice Sandbox", "sandbox@sluice.invalid");

    private RepositoryWriter() {
    }

    /** A file to commit: its bytes and whether it is executable. */
    record FileContent(byte[] bytes, boolean executable) {

        static FileContent text(String text) {
            return new FileContent(text.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    /**
     * Commits {@code files} (path to content, '/'-separated) on {@code branch}, on top of its current
     * tree, or replacing that tree entirely when {@code replaceTree} is set.
     */
    static ObjectId commit(Repository repo, String branch, Map<String, FileContent> files, boolean replaceTree,
            String message) throws IOException {
        SortedMap<String, FileContent> sorted = new TreeMap<>(files);
        sorted.keySet().forEach(RepositoryWriter::checkPath);
        String ref = Constants.R_HEADS + branch;
        ObjectId parent = repo.resolve(ref);
        try (ObjectInserter inserter = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            DirCache index = DirCache.newInCore();
            if (parent != null && !replaceTree) {
                RevCommit head = walk.parseCommit(parent);
                DirCacheBuilder builder = index.builder();
                builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, head.getTree());
                builder.finish();
            }
            DirCacheEditor editor = index.editor();
            for (Map.Entry<String, FileContent> file : sorted.entrySet()) {
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.getValue().bytes());
                FileMode mode = file.getValue().executable() ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
                editor.add(new DirCacheEditor.PathEdit(file.getKey()) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        entry.setFileMode(mode);
                        entry.setObjectId(blob);
                    }
                });
            }
            editor.finish();

            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (parent != null) {
                commit.setParentId(parent);
            }
            PersonIdent now = new PersonIdent(AUTHOR, java.time.Instant.now());
            commit.setAuthor(now);
            commit.setCommitter(now);
            commit.setMessage(message.endsWith("\n") ? message : message + "\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();

            RefUpdate update = repo.updateRef(ref);
            update.setNewObjectId(id);
            update.setExpectedOldObjectId(parent != null ? parent : ObjectId.zeroId());
            update.setRefLogMessage("sandbox commit: " + message.lines().findFirst().orElse(""), false);
            RefUpdate.Result result = update.update(walk);
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new IOException("Could not move " + ref + " in " + repo.getDirectory() + " to " + id.name()
                        + ": " + result + " (did someone push at the same moment?)");
            }
            return id;
        }
    }

    private static void checkPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("\\")
                || path.contains("//") || ("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")
                || ("/" + path + "/").contains("/.git/")) {
            throw new IllegalArgumentException("File path '" + path + "' cannot be committed: use a relative"
                    + " '/'-separated path without '.', '..', '.git' or empty segments, e.g. 'apps/podinfo/kustomization.yaml'");
        }
    }
}
