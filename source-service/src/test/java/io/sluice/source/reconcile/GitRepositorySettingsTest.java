package io.sluice.source.reconcile;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.meta.LocalObjectReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositorySpec;
import io.sluice.source.git.FetchRequest;
import io.sluice.git.GitCredentials;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitRepositorySettingsTest {

    private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    @Test
    void readsTheSpecAndItsGeneration() {
        GitRepositorySettings settings = GitRepositorySettings.of(repository(spec -> {
            spec.setInterval("5m");
            spec.setTimeout("90s");
            spec.setIgnore("*.md");
        }), DEFAULT_INTERVAL);

        assertThat(settings.key()).isEqualTo(ObjectKey.of("GitRepository", "flux-system", "podinfo"));
        assertThat(settings.generation()).isEqualTo(3);
        assertThat(settings.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.ignore()).isEqualTo("*.md");
        assertThat(settings.secretKey()).isEqualTo("flux-system/podinfo-auth");
        FetchRequest request = settings.fetchRequest(GitCredentials.none());
        assertThat(request.url()).isEqualTo("https://github.com/stefanprodan/podinfo");
        assertThat(request.secretName()).isEqualTo("flux-system/podinfo-auth");
        assertThat(request.timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void missingFieldsTakeFluxsDefaults() {
        GitRepositorySettings settings = GitRepositorySettings.of(repository(spec -> spec.setSecretRef(null)), DEFAULT_INTERVAL);

        assertThat(settings.interval()).isEqualTo(DEFAULT_INTERVAL);
        assertThat(settings.timeout()).isEqualTo(FetchRequest.DEFAULT_TIMEOUT);
        assertThat(settings.secretName()).isNull();
        assertThat(settings.secretKey()).isNull();
        assertThat(settings.include()).isEmpty();
    }

    @Test
    void aZeroIntervalMeansTheDefault() {
        assertThat(GitRepositorySettings.of(repository(spec -> spec.setInterval("0s")), DEFAULT_INTERVAL).interval()).isEqualTo(DEFAULT_INTERVAL);
    }

    @Test
    void anUnreadableDurationIsAnInvalidSpecNamingTheField() {
        assertThatThrownBy(() -> GitRepositorySettings.of(repository(spec -> spec.setInterval("soon")), DEFAULT_INTERVAL))
                .isInstanceOf(GitRepositorySettings.InvalidSpecException.class)
                .hasMessageContaining("spec.interval of GitRepository flux-system/podinfo");
        assertThatThrownBy(() -> GitRepositorySettings.of(repository(spec -> spec.setTimeout("1 minute")), DEFAULT_INTERVAL))
                .isInstanceOf(GitRepositorySettings.InvalidSpecException.class)
                .hasMessageContaining("spec.timeout of GitRepository flux-system/podinfo");
    }

    @Test
    void suspendedOnlyWhenTheSpecSaysSo() {
        assertThat(GitRepositorySettings.suspended(repository(spec -> spec.setSuspend(true)))).isTrue();
        assertThat(GitRepositorySettings.suspended(repository(spec -> spec.setSuspend(null)))).isFalse();
        assertThat(GitRepositorySettings.suspended(new GitRepository())).isFalse();
    }

    private static GitRepository repository(Consumer<GitRepositorySpec> customize) {
        GitRepositorySpec spec = new GitRepositorySpec();
        spec.setUrl("https://github.com/stefanprodan/podinfo");
        LocalObjectReference secret = new LocalObjectReference();
        secret.setName("podinfo-auth");
        spec.setSecretRef(secret);
        customize.accept(spec);
        GitRepository repo = new GitRepository();
        repo.setMetadata(new ObjectMetaBuilder().withNamespace("flux-system").withName("podinfo").withGeneration(3L).build());
        repo.setSpec(spec);
        return repo;
    }
}
