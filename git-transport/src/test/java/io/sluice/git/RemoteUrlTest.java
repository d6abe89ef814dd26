package io.sluice.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.git.GitFetchException.Failure;
import org.junit.jupiter.api.Test;

class RemoteUrlTest {

    @Test
    void sshWithoutUserFetchesAsGit() throws Exception {
        RemoteUrl url = RemoteUrl.parse("ssh://github.com/org/repo.git");

        assertThat(url.forFetch()).isEqualTo("ssh://git@github.com/org/repo.git");
        assertThat(url.port()).isEqualTo(22);
        assertThat(url.isSsh()).isTrue();
    }

    @Test
    void safeFormDropsThePassword() throws Exception {
        RemoteUrl url = RemoteUrl.parse("https://bot:s3cret@git.example.com:8443/org/repo.git");

        assertThat(url.toString()).isEqualTo("https://bot@git.example.com:8443/org/repo.git").doesNotContain("s3cret");
        assertThat(url.forFetch()).contains("s3cret");
        assertThat(url.host()).isEqualTo("git.example.com");
        assertThat(url.port()).isEqualTo(8443);
    }

    @Test
    void fingerprintChangesWithTheUrl() throws Exception {
        assertThat(RemoteUrl.parse("https://a/x.git").fingerprint()).isEqualTo(RemoteUrl.parse("https://a/x.git").fingerprint())
                .isNotEqualTo(RemoteUrl.parse("https://a/y.git").fingerprint()).hasSize(64);
    }

    @Test
    void rejectsWhatFluxRejects() {
        assertThatThrownBy(() -> RemoteUrl.parse("git@gitlab.com:group/repo.git"))
                .isInstanceOfSatisfying(GitFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Failure.INVALID_URL);
                    assertThat(e.getMessage()).contains("write ssh://git@gitlab.com/group/repo.git");
                });
        assertThatThrownBy(() -> RemoteUrl.parse("git://host/repo.git")).hasMessageContaining("uses scheme 'git'");
        assertThatThrownBy(() -> RemoteUrl.parse("https:///repo.git")).hasMessageContaining("has no host");
        assertThatThrownBy(() -> RemoteUrl.parse("ftp://bot:pw-secret@host/x")).hasMessageNotContaining("pw-secret");
    }
}
