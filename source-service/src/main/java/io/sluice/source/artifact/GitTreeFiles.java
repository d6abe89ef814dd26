package io.sluice.source.artifact;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the files of one commit straight from the Git object database (no checkout, no work tree): every
 * regular and executable file of the commit's tree, with its blob as content.
 *
 * <p>Symbolic links and submodules (gitlinks) are left out, as Flux's archiver leaves out everything that is
 * not a regular file: a link could point outside the artifact, and a submodule's content is not in this
 * repository.
 */
public final class GitTreeFiles {

    private GitTreeFiles() {
    }

    /**
     * The files of commit {@code commitSha}. The returned contents read through {@code reader}, which must stay
     * open until they are written.
     *
     * @throws IOException when the commit is not in the repository or an object cannot be read
     */
    public static List<SourceFile> read(ObjectReader reader, String commitSha) throws IOException {
        ObjectId commitId = ObjectId.fromString(commitSha);
        RevCommit commit;
        try (RevWalk walk = new RevWalk(reader)) {
            commit = walk.parseCommit(commitId);
        } catch (MissingObjectException e) {
            throw new IOException("commit " + commitSha + " is not in the local clone; fetch it before building the artifact", e);
        }
        List<SourceFile> files = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(reader)) {
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                boolean executable = FileMode.EXECUTABLE_FILE.equals(mode);
                if (!executable && !FileMode.REGULAR_FILE.equals(mode)) {
                    continue; // symlink or submodule
                }
                ObjectId blob = tree.getObjectId(0);
                long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
                files.add(new SourceFile(tree.getPathString(), executable, size,
                        () -> reader.open(blob, Constants.OBJ_BLOB).openStream()));
            }
        }
        return files;
    }
}
