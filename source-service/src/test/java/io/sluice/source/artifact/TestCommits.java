package io.sluice.source.artifact;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/** Writes commits with exactly the given files (and modes) into an in-memory repository: no work tree, no clock. */
final class TestCommits {

    private TestCommits() {
    }

    static InMemoryRepository newRepository() {
        return new InMemoryRepository(new DfsRepositoryDescription("test"));
    }

    /** Regular files with text content. */
    static String commit(Repository repo, Map<String, String> files, String author, Instant when) throws IOException {
        Map<String, Object[]> entries = new TreeMap<>();
        files.forEach((path, text) -> entries.put(path, new Object[]{FileMode.REGULAR_FILE, text}));
        return commitModes(repo, entries, author, when);
    }

    /** Files with modes: value = {FileMode, String content}. */
    static String commitModes(Repository repo, Map<String, Object[]> files, String author, Instant when) throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, Object[]> file : new TreeMap<>(files).entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                FileMode mode = (FileMode) file.getValue()[0];
                entry.setFileMode(mode);
                if (mode == FileMode.GITLINK) {
                    entry.setObjectId(ObjectId.fromString("0123456789abcdef0123456789abcdef01234567"));
                } else {
                    entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, ((String) file.getValue()[1]).getBytes(StandardCharsets.UTF_8)));
                }
                builder.add(entry);
            }
            builder.finish();
            ObjectId tree = index.writeTree(inserter);
            CommitBuilder commit = new CommitBuilder();
            PersonIdent person = new PersonIdent(author, author + "@example.com", when, ZoneOffset.UTC);
            commit.setAuthor(person);
            commit.setCommitter(person);
            commit.setMessage("commit by " + author);
            commit.setTreeId(tree);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id.name();
        }
    }
}
