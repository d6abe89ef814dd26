package io.sluice.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
