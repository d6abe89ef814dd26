package io.sluice.source.git;

import io.sluice.git.GitFetchException;
import io.sluice.api.semver.SemverRange;
import io.sluice.api.source.GitRepositoryRef;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * The one Git reference a GitRepository follows, chosen from {@code spec.ref} with Flux's precedence:
 * commit, then name, then semver, then tag, then branch; no ref at all means branch {@code master}.
 *
 * <p>Each kind answers what fetching it needs to know: how it is fetched ({@link #resolveWith}), and what to list
 * when it is missing from the remote ({@link #kind}, {@link #missing}). A new kind must answer both before it
 * compiles.
 */
public sealed interface GitReference {

    /** Flux's default when {@code spec.ref} is omitted (source.toolkit.fluxcd.io/v1 documentation). */
    String DEFAULT_BRANCH = "master";

    /** How the reference is named in messages: {@code branch 'main'}, {@code semver range '^1.2'}. */
    String describe();

    /** The remote refs this reference is one of: what is listed, when it is missing, to show what exists instead. */
    RefKind kind();

    /** What a "not found" message names: the reference itself, or the branch a commit is looked for in. */
    default String missing() {
        return describe();
    }

    /** Fetches this reference the way its kind is fetched, by calling the one method of {@code resolver} that fits. */
    FetchResult resolveWith(Resolver resolver) throws GitFetchException, IOException, DamagedCloneException;

    /** The ways a reference is fetched; {@link GitFetcher} implements them for one clone and remote. */
    interface Resolver {
        /** One ref, at depth 1; the revision is {@code <revisionName>@sha1:<sha>}. */
        FetchResult namedRef(GitReference reference, String refName, String revisionName)
                throws GitFetchException, IOException, DamagedCloneException;

        /** The highest tag in the range. */
        FetchResult highestTag(Semver semver) throws GitFetchException, IOException, DamagedCloneException;

        /** An exact commit, in the history of its branch or of all branches. */
        FetchResult exactCommit(Commit commit) throws GitFetchException, IOException, DamagedCloneException;
    }

    /** Kinds of remote refs: the word for them in messages, which to list, and whether by full name. */
    enum RefKind {
        BRANCHES("branches", true, false, false),
        TAGS("tags", false, true, false),
        /** Any reference ({@code refs/pull/1/head}): listed by full name. */
        REFERENCES("references", true, true, true);

        private final String word;
        private final boolean heads;
        private final boolean tags;
        private final boolean fullNames;

        RefKind(String word, boolean heads, boolean tags, boolean fullNames) {
            this.word = word;
            this.heads = heads;
            this.tags = tags;
            this.fullNames = fullNames;
        }

        public String word() {
            return word;
        }

        public boolean heads() {
            return heads;
        }

        public boolean tags() {
            return tags;
        }

        public boolean fullNames() {
            return fullNames;
        }
    }

    record Branch(String name) implements GitReference {
        public Branch {
            requireValidRefName(Constants.R_HEADS + name, "spec.ref.branch", name);
        }

        public String refName() {
            return Constants.R_HEADS + name;
        }

        @Override
        public String describe() {
            return "branch '" + name + "'";
        }

        @Override
        public RefKind kind() {
            return RefKind.BRANCHES;
        }

        @Override
        public FetchResult resolveWith(Resolver resolver) throws GitFetchException, IOException, DamagedCloneException {
            return resolver.namedRef(this, refName(), name);
        }
    }

    record Tag(String name) implements GitReference {
        public Tag {
            requireValidRefName(Constants.R_TAGS + name, "spec.ref.tag", name);
        }

        public String refName() {
            return Constants.R_TAGS + name;
        }

        @Override
        public String describe() {
            return "tag '" + name + "'";
        }

        @Override
        public RefKind kind() {
            return RefKind.TAGS;
        }

        @Override
        public FetchResult resolveWith(Resolver resolver) throws GitFetchException, IOException, DamagedCloneException {
            return resolver.namedRef(this, refName(), name);
        }
    }

    record Semver(SemverRange range) implements GitReference {
        @Override
        public String describe() {
            return "semver range '" + range + "'";
        }

        @Override
        public RefKind kind() {
            return RefKind.TAGS;
        }

        @Override
        public FetchResult resolveWith(Resolver resolver) throws GitFetchException, IOException, DamagedCloneException {
            return resolver.highestTag(this);
        }
    }

    /** Any full reference, e.g. {@code refs/pull/1/head}; the revision keeps the full name, as in Flux. */
    record RefName(String name) implements GitReference {
        public RefName {
            if (!name.startsWith(Constants.R_REFS)) {
                throw new IllegalArgumentException("spec.ref.name '" + name + "' must be a full reference starting with 'refs/', e.g. refs/heads/main or refs/pull/1/head");
            }
            requireValidRefName(name, "spec.ref.name", name);
        }

        @Override
        public String describe() {
            return "reference '" + name + "'";
        }

        @Override
        public RefKind kind() {
            return RefKind.REFERENCES;
        }

        @Override
        public FetchResult resolveWith(Resolver resolver) throws GitFetchException, IOException, DamagedCloneException {
            return resolver.namedRef(this, name, name); // Flux keeps the full name for spec.ref.name
        }
    }

    /** An exact commit, searched for in {@code branch} when given, else in all branches. */
    record Commit(String sha, String branch) implements GitReference {
        private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

        public Commit {
            sha = sha.trim().toLowerCase(Locale.ROOT);
            if (!SHA1.matcher(sha).matches()) {
                throw new IllegalArgumentException("spec.ref.commit '" + sha + "' is not a full 40-character SHA-1; write the whole commit hash (git rev-parse <commit>)");
            }
            if (branch != null) {
                requireValidRefName(Constants.R_HEADS + branch, "spec.ref.branch", branch);
            }
        }

        @Override
        public String describe() {
            return branch == null ? "commit " + sha : "commit " + sha + " on branch '" + branch + "'";
        }

        /** The commit is looked for in its branch (or in all branches): the branches are what is listed. */
        @Override
        public RefKind kind() {
            return RefKind.BRANCHES;
        }

        /** Only its branch can be missing: a commit not on it is a message of its own. */
        @Override
        public String missing() {
            return branch == null ? describe() : "branch '" + branch + "'";
        }

        @Override
        public FetchResult resolveWith(Resolver resolver) throws GitFetchException, IOException, DamagedCloneException {
            return resolver.exactCommit(this);
        }
    }

    /**
     * Picks the reference from {@code spec.ref}.
     *
     * @throws IllegalArgumentException when the chosen field cannot be used (bad SHA, bad range, bad ref name)
     */
    static GitReference from(GitRepositoryRef ref) {
        if (ref == null) {
            return new Branch(DEFAULT_BRANCH);
        }
        String branch = blankToNull(ref.getBranch());
        if (blankToNull(ref.getCommit()) != null) {
            return new Commit(ref.getCommit(), branch);
        }
        if (blankToNull(ref.getName()) != null) {
            return new RefName(ref.getName().trim());
        }
        if (blankToNull(ref.getSemver()) != null) {
            return new Semver(SemverRange.parse(ref.getSemver()));
        }
        if (blankToNull(ref.getTag()) != null) {
            return new Tag(ref.getTag().trim());
        }
        return new Branch(branch == null ? DEFAULT_BRANCH : branch.trim());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void requireValidRefName(String refName, String field, String value) {
        if (!Repository.isValidRefName(refName)) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a valid Git reference name (see git check-ref-format)");
        }
    }
}
