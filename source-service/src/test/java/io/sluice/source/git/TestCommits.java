package io.sluice.source.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.lib.TreeFormatter;

/** Writes commits, tags and refs straight into a bare repository, as a push would leave them. */
final class TestCommits {

    private TestCommits() {
    }

    /** A commit with exactly {@code files} (flat names) on top of {@code parent} (null: a root commit); no ref moves. */
    static ObjectId commit(Repository repository, ObjectId parent, Map<String, String> files, String message) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            TreeFormatter tree = new TreeFormatter();
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8));
                tree.append(file.getKey(), FileMode.REGULAR_FILE, blob);
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(inserter.insert(tree));
            if (parent != null) {
                commit.setParentId(parent);
            }
            PersonIdent who = new PersonIdent("Test", "test@example.com");
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }

    /** Points {@code refName} at {@code id}, forced (a force-push when it moves sideways). */
    static void setRef(Repository repository, String refName, ObjectId id) throws IOException {
        RefUpdate update = repository.updateRef(refName);
        update.setNewObjectId(id);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.forceUpdate();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED && result != RefUpdate.Result.FAST_FORWARD
                && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("could not set " + refName + ": " + result);
        }
    }

    static void deleteRef(Repository repository, String refName) throws IOException {
        RefUpdate update = repository.updateRef(refName);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.delete();
        if (result != RefUpdate.Result.FORCED) {
            throw new IOException("could not delete " + refName + ": " + result);
        }
    }

    /** A lightweight tag. */
    static void tag(Repository repository, String name, ObjectId commit) throws IOException {
        setRef(repository, Constants.R_TAGS + name, commit);
    }

    /** An annotated tag object pointing at {@code commit}; returns the tag object's id. */
    static ObjectId annotatedTag(Repository repository, String name, ObjectId commit) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            TagBuilder tag = new TagBuilder();
            tag.setTag(name);
            tag.setObjectId(commit, Constants.OBJ_COMMIT);
            tag.setTagger(new PersonIdent("Test", "test@example.com"));
            tag.setMessage("release " + name);
            ObjectId id = inserter.insert(tag);
            inserter.flush();
            setRef(repository, Constants.R_TAGS + name, id);
            return id;
        }
    }

    static ObjectId head(Repository repository, String branch) throws IOException {
        return repository.exactRef(Constants.R_HEADS + branch).getObjectId();
    }
}
