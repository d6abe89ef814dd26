package io.sluice.source.artifact;

import io.sluice.api.events.Digest;
import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArtifactStorageTest {

    private static final ObjectKey PODINFO = ObjectKey.of("GitRepository", "flux-system", "podinfo");

    @TempDir
    Path root;

    @Test
    void storesUnderTheDigestAndKeepsTheNewestTwo() throws IOException {
        ArtifactStorage storage = new ArtifactStorage(root, 2);
        StoredArtifact first = store(storage, "one");
        assertThat(first.path()).isEqualTo("gitrepository/flux-system/podinfo/" + first.digest().hex() + ".tar.gz");
        assertThat(first.file()).isEqualTo(root.resolve(first.path()));
        assertThat(first.size()).isEqualTo(3);
        StoredArtifact second = store(storage, "two");
        StoredArtifact third = store(storage, "three");

        assertThat(files()).containsExactlyInAnyOrder(second.file(), third.file());
        assertThat(storage.find(first.path())).isEmpty();
        assertThat(storage.find(third.path())).contains(third.file());

        StoredArtifact secondAgain = store(storage, "two");
        assertThat(secondAgain.file()).isEqualTo(second.file());
        StoredArtifact fourth = store(storage, "four");
        assertThat(files()).as("'two' was stored again, so it is newer than 'three'")
                .containsExactlyInAnyOrder(second.file(), fourth.file());
    }

    @Test
    void keepsOnlyTheCurrentWithRetentionOne() throws IOException {
        ArtifactStorage storage = new ArtifactStorage(root, 1);
        store(storage, "one");
        StoredArtifact current = store(storage, "two");
        assertThat(files()).containsExactly(current.file());
        assertThatThrownBy(() -> new ArtifactStorage(root, 0)).hasMessageContaining("sluice.source.storage.retention = 0");
    }

    @Test
    void findRefusesPathsOutsideTheArtifacts() throws IOException {
        ArtifactStorage storage = new ArtifactStorage(root, 2);
        StoredArtifact stored = store(storage, "x");
        Files.writeString(root.resolve("secret.txt"), "no");
        String hex = stored.digest().hex();
        assertThat(storage.find("gitrepository/flux-system/podinfo/" + hex + ".tar.gz")).isPresent();
        assertThat(storage.find("gitrepository/flux-system/../../secret.txt")).isEmpty();
        assertThat(storage.find("gitrepository/flux-system/podinfo/../" + hex + ".tar.gz")).isEmpty();
        assertThat(storage.find("gitrepository/flux-system/podinfo/" + "0".repeat(64) + ".tar.gz")).isEmpty();
        assertThat(storage.find("secret.txt")).isEmpty();
        assertThat(storage.find(null)).isEmpty();
    }

    @Test
    void otherFormatsAreStoredWithTheirExtensionAndTheirDigestReadFromTheFile() throws IOException {
        ArtifactStorage storage = new ArtifactStorage(root, 2);
        Path temp = storage.newTempFile(PODINFO);
        byte[] bytes = "{\"apiVersion\":\"v1\"}".getBytes(StandardCharsets.UTF_8);
        Files.write(temp, bytes);

        StoredArtifact stored = storage.store(PODINFO, BuiltArtifact.ofFile(temp, ArtifactFormat.JSON));

        assertThat(stored.digest()).isEqualTo(Digest.sha256(bytes));
        assertThat(stored.size()).isEqualTo(bytes.length);
        assertThat(stored.path()).isEqualTo("gitrepository/flux-system/podinfo/" + Digest.sha256(bytes).hex() + ".json");
        assertThat(storage.find(stored.path())).hasValue(stored.file());
        assertThat(storage.find("gitrepository/flux-system/podinfo/" + Digest.sha256(bytes).hex() + ".txt")).as("no such format").isEmpty();
        assertThat(ArtifactFormat.ofFileName(stored.file().getFileName().toString())).contains(ArtifactFormat.JSON);
        assertThat(ArtifactFormat.ofFileName("x.tgz")).contains(ArtifactFormat.TGZ);
        assertThat(ArtifactFormat.ofFileName("x.tar.gz")).contains(ArtifactFormat.TAR_GZ);
    }

    @Test
    void deleteAllRemovesTheObjectsFolder() throws IOException {
        ArtifactStorage storage = new ArtifactStorage(root, 2);
        StoredArtifact stored = store(storage, "x");
        storage.deleteAll(PODINFO);
        assertThat(stored.file()).doesNotExist();
        assertThat(stored.file().getParent()).doesNotExist();
    }

    private StoredArtifact store(ArtifactStorage storage, String content) throws IOException {
        Path temp = storage.newTempFile(PODINFO);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Files.write(temp, bytes);
        return storage.store(PODINFO, new BuiltArtifact(temp, Digest.sha256(bytes), bytes.length, 1));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("gitrepository/flux-system/podinfo"))) {
            return files.toList();
        }
    }
}
