package io.sluice.api.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepoUrlTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://github.com/org/repo",
            "https://github.com/org/repo.git",
            "https://github.com/org/repo/",
            "https://github.com/org/repo.git/",
            "https://GitHub.COM/Org/Repo.git",
            "http://github.com/org/repo",
            "https://github.com:443/org/repo",
            "https://x-access-token:ghp_secret@github.com/org/repo.git",
            "git@github.com:org/repo.git",
            "git@github.com:org/repo",
            "github.com:org/repo.git",
            "ssh://git@github.com/org/repo.git",
            "ssh://git@github.com:22/org/repo",
            "git://github.com/org/repo.git",
            "  https://github.com/org/repo.git?foo=bar#frag  ",
    })
    void spellingsOfOneRepositoryShareAKey(String url) {
        assertThat(RepoUrl.normalize(url)).isEqualTo("https://github.com/org/repo");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://127.0.0.1:8080/repos/app.git, https://127.0.0.1:8080/repos/app",
            "http://gitea.local:80/team/app, https://gitea.local/team/app",
            "https://gitlab.com/group/subgroup/project.git, https://gitlab.com/group/subgroup/project",
            "git@gitlab.com:group/subgroup/project.git, https://gitlab.com/group/subgroup/project",
            "https://dev.azure.com/org/project/_git/repo, https://dev.azure.com/org/project/_git/repo",
    })
    void keepsWhatIdentifiesTheRepository(String url, String key) {
        assertThat(RepoUrl.normalize(url)).isEqualTo(key);
    }

    @Test
    void differentRepositoriesKeepDifferentKeys() {
        assertThat(RepoUrl.normalize("https://github.com/org/repo")).isNotEqualTo(RepoUrl.normalize("https://github.com/org/repo2"));
        assertThat(RepoUrl.normalize("https://github.com/org/repo")).isNotEqualTo(RepoUrl.normalize("https://gitlab.com/org/repo"));
        assertThat(RepoUrl.normalize("http://127.0.0.1:8080/app")).isNotEqualTo(RepoUrl.normalize("http://127.0.0.1:9090/app"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "   ", "ftp://example.com/org/repo", "file:///srv/git/repo.git", "https://github.com", "https://github.com/",
            "https://github.com/.git", "just-a-word", "https:///org/repo"})
    void rejectsWhatIsNotARepositoryUrl(String url) {
        assertThatThrownBy(() -> RepoUrl.normalize(url)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repository URL");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> RepoUrl.normalize(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void errorMessagesDoNotRepeatATokenFromTheUrl() {
        assertThatThrownBy(() -> RepoUrl.normalize("ftp://user:s3cr3t@example.com/org/repo"))
                .hasMessageNotContaining("s3cr3t")
                .hasMessageContaining("ftp://***@example.com/org/repo");
    }
}
