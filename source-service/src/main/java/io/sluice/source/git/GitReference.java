package io.sluice.source.git;

import io.sluice.api.semver.SemverRange;
import io.sluice.api.source.GitRepositoryRef;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * The one Git reference a GitRepository follows, chosen from {@code spec.ref} with Flux's precedence:
 * commit, then name, then semver, then tag, then branch; no ref at all means branch {@code master}.
 */
public sealed interface GitReference {

    /** Flux's default when {@code spec.ref} is omitted (source.toolkit.fluxcd.io/v1 documentation). */
    String DEFAULT_BRANCH = "master";

    /** How the reference is named in messages: {@code branch 'main'}, {@code semver range '^1.2'}. */
    String describe();

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
    }

    record Semver(SemverRange range) implements GitReference {
        @Override
        public String describe() {
            return "semver range '" + range + "'";
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
