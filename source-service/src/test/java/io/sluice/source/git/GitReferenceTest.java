package io.sluice.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.semver.SemverRange;
import io.sluice.api.source.GitRepositoryRef;
import org.junit.jupiter.api.Test;

class GitReferenceTest {

    private static final String SHA = "3f2a000000000000000000000000000000000abc";

    @Test
    void noRefIsBranchMaster() {
        assertThat(GitReference.from(null)).isEqualTo(new GitReference.Branch("master"));
        assertThat(GitReference.from(new GitRepositoryRef())).isEqualTo(new GitReference.Branch("master"));
    }

    @Test
    void precedenceIsCommitThenNameThenSemverThenTagThenBranch() {
        GitRepositoryRef ref = ref("main", "v1.0.0", "^1", "refs/pull/1/head", SHA);
        assertThat(GitReference.from(ref)).isEqualTo(new GitReference.Commit(SHA, "main"));

        ref.setCommit(null);
        assertThat(GitReference.from(ref)).isEqualTo(new GitReference.RefName("refs/pull/1/head"));

        ref.setName(null);
        assertThat(GitReference.from(ref)).isInstanceOfSatisfying(GitReference.Semver.class,
                s -> assertThat(s.range()).hasToString("^1"));

        ref.setSemver(null);
        assertThat(GitReference.from(ref)).isEqualTo(new GitReference.Tag("v1.0.0"));

        ref.setTag(null);
        assertThat(GitReference.from(ref)).isEqualTo(new GitReference.Branch("main"));
    }

    @Test
    void blankFieldsCountAsUnset() {
        assertThat(GitReference.from(ref(" ", "", null, "", " "))).isEqualTo(new GitReference.Branch("master"));
    }

    @Test
    void commitIsNormalisedAndMustBeAFullSha() {
        assertThat(GitReference.from(ref(null, null, null, null, SHA.toUpperCase()))).isEqualTo(new GitReference.Commit(SHA, null));
        assertThatThrownBy(() -> GitReference.from(ref(null, null, null, null, "3f2a")))
                .hasMessageContaining("spec.ref.commit '3f2a' is not a full 40-character SHA-1");
    }

    @Test
    void refNameMustBeAFullReference() {
        assertThatThrownBy(() -> GitReference.from(ref(null, null, null, "main", null)))
                .hasMessageContaining("spec.ref.name 'main' must be a full reference starting with 'refs/'");
    }

    @Test
    void invalidNamesAreRejectedWithTheField() {
        assertThatThrownBy(() -> GitReference.from(ref("a b", null, null, null, null))).hasMessageContaining("spec.ref.branch 'a b'");
        assertThatThrownBy(() -> GitReference.from(ref(null, "v1~2", null, null, null))).hasMessageContaining("spec.ref.tag 'v1~2'");
        assertThatThrownBy(() -> GitReference.from(ref(null, null, "latest", null, null))).hasMessageContaining("semver range 'latest'");
    }

    @Test
    void describesItselfForMessages() {
        assertThat(new GitReference.Branch("main").describe()).isEqualTo("branch 'main'");
        assertThat(new GitReference.Commit(SHA, null).describe()).isEqualTo("commit " + SHA);
        assertThat(new GitReference.Commit(SHA, "main").describe()).isEqualTo("commit " + SHA + " on branch 'main'");
    }

    @Test
    void eachKindIsFetchedItsOwnWay() throws Exception {
        assertThat(resolved(new GitReference.Branch("main"))).isEqualTo("one ref refs/heads/main, revision main");
        assertThat(resolved(new GitReference.Tag("v1.0.0"))).isEqualTo("one ref refs/tags/v1.0.0, revision v1.0.0");
        assertThat(resolved(new GitReference.RefName("refs/pull/1/head"))).as("Flux keeps the full name")
                .isEqualTo("one ref refs/pull/1/head, revision refs/pull/1/head");
        assertThat(resolved(new GitReference.Semver(SemverRange.parse("^1")))).isEqualTo("highest tag in ^1");
        assertThat(resolved(new GitReference.Commit(SHA, "main"))).isEqualTo("commit " + SHA + " on branch 'main'");
    }

    @Test
    void whatIsListedWhenTheReferenceIsMissing() {
        assertThat(new GitReference.Branch("main").kind()).isEqualTo(GitReference.RefKind.BRANCHES);
        assertThat(new GitReference.Tag("v1").kind()).isEqualTo(GitReference.RefKind.TAGS);
        assertThat(new GitReference.Semver(SemverRange.parse("^1")).kind()).isEqualTo(GitReference.RefKind.TAGS);
        assertThat(new GitReference.RefName("refs/pull/1/head").kind()).isEqualTo(GitReference.RefKind.REFERENCES);
        assertThat(GitReference.RefKind.REFERENCES.fullNames()).isTrue();
        assertThat(new GitReference.Commit(SHA, "main").kind()).isEqualTo(GitReference.RefKind.BRANCHES);
        assertThat(new GitReference.Commit(SHA, "main").missing()).as("only its branch can be missing").isEqualTo("branch 'main'");
        assertThat(new GitReference.Tag("v1").missing()).isEqualTo("tag 'v1'");
    }

    /** Which of the resolver's ways the reference picked, and with what. */
    private static String resolved(GitReference reference) throws Exception {
        String[] picked = new String[1];
        reference.resolveWith(new GitReference.Resolver() {
            @Override
            public FetchResult namedRef(GitReference named, String refName, String revisionName) {
                picked[0] = "one ref " + refName + ", revision " + revisionName;
                return null;
            }

            @Override
            public FetchResult highestTag(GitReference.Semver semver) {
                picked[0] = "highest tag in " + semver.range();
                return null;
            }

            @Override
            public FetchResult exactCommit(GitReference.Commit commit) {
                picked[0] = commit.describe();
                return null;
            }
        });
        return picked[0];
    }

    private static GitRepositoryRef ref(String branch, String tag, String semver, String name, String commit) {
        GitRepositoryRef ref = new GitRepositoryRef();
        ref.setBranch(branch);
        ref.setTag(tag);
        ref.setSemver(semver);
        ref.setName(name);
        ref.setCommit(commit);
        return ref;
    }
}
