package io.sluice.kit.cluster;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositorySpec;
import io.sluice.api.source.GitRepositoryStatus;
import io.sluice.sandbox.cluster.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusUpdatesTest {

    private static SandboxCluster cluster;
    private static StatusUpdates<GitRepository, GitRepositoryStatus> updates;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        updates = new StatusUpdates<>(cluster.client(), GitRepository.class, GitRepositoryStatus::new);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void writesTheChangedStatusAndLeavesTheSpecAlone() {
        ObjectKey key = create("changed");

        assertThat(updates.update(key, (fresh, status) -> status.setObservedGeneration(fresh.getMetadata().getGeneration()))).isTrue();

        GitRepository written = get(key);
        assertThat(written.getStatus().getObservedGeneration()).isEqualTo(written.getMetadata().getGeneration());
        assertThat(written.getSpec().getUrl()).isEqualTo("https://example.com/repo.git");
    }

    @Test
    void writesNothingWhenNothingChanged() {
        ObjectKey key = create("unchanged");
        updates.update(key, (fresh, status) -> status.setObservedGeneration(1L));
        String resourceVersion = get(key).getMetadata().getResourceVersion();

        assertThat(updates.update(key, (fresh, status) -> status.setObservedGeneration(1L))).isFalse();

        assertThat(get(key).getMetadata().getResourceVersion()).isEqualTo(resourceVersion);
    }

    @Test
    void anObjectThatIsGoneIsNotWritten() {
        assertThat(updates.update(ObjectKey.of(GitRepository.KIND, "default", "gone"), (fresh, status) -> status.setObservedGeneration(1L)))
                .isFalse();
    }

    private static ObjectKey create(String name) {
        GitRepository repo = new GitRepository();
        repo.setMetadata(new ObjectMetaBuilder().withNamespace("default").withName(name).build());
        GitRepositorySpec spec = new GitRepositorySpec();
        spec.setUrl("https://example.com/repo.git");
        spec.setInterval("1m");
        repo.setSpec(spec);
        client().resources(GitRepository.class).inNamespace("default").resource(repo).create();
        return ObjectKey.of(GitRepository.KIND, "default", name);
    }

    private static GitRepository get(ObjectKey key) {
        return client().resources(GitRepository.class).inNamespace(key.namespace()).withName(key.name()).get();
    }

    private static KubernetesClient client() {
        return cluster.client();
    }
}
