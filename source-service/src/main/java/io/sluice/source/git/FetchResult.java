package io.sluice.source.git;

import io.sluice.api.meta.Revision;
import java.nio.file.Path;

/**
 * A fetched commit.
 *
 * @param revision  the revision as Flux writes it, e.g. {@code main@sha1:<sha>}, {@code v1.2.3@sha1:<sha>},
 *                  {@code refs/pull/1/head@sha1:<sha>} or {@code sha1:<sha>}
 * @param commitSha the commit's full SHA-1 (annotated tags are peeled to their commit)
 * @param gitDir    the git directory of the local (bare) clone that holds the commit; open it with
 *                  {@code new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build()}
 *                  and read the commit's tree. Objects are immutable, so reading while a later fetch runs
 *                  is safe.
 */
public record FetchResult(Revision revision, String commitSha, Path gitDir) {
}
