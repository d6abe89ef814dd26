package io.sluice.render.store;

import io.sluice.api.events.Digest;
import io.sluice.api.events.RenderedManifests;
import io.sluice.render.build.RenderedObject;
import io.sluice.render.build.RenderedSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestPackerTest {

    private static final URI BASE = URI.create("http://render-service:8080/manifests/");

    /** A set whose YAML compresses badly (random data), so the compressed size is predictable. */
    private static RenderedSet set(int objects, int bytesEach, long seed) {
        Random random = new Random(seed);
        List<RenderedObject> list = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            StringBuilder data = new StringBuilder();
            for (int j = 0; j < bytesEach; j++) {
                data.append((char) ('a' + random.nextInt(26)));
            }
            String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" + i + "\ndata:\n  blob: " + data + "\n";
            list.add(new RenderedObject(Map.of("kind", "ConfigMap"), yaml));
        }
        return RenderedSet.of(list);
    }

    @Test
    void small_sets_travel_inline_as_gzip(@TempDir Path dir) {
        RenderedSet set = set(3, 100, 1);
        ManifestPacker packer = new ManifestPacker(new FileManifestStore(dir, BASE));

        RenderedManifests packed = packer.pack(set);

        assertThat(packed).isInstanceOfSatisfying(RenderedManifests.Inline.class, i -> assertThat(i.yaml()).isEqualTo(set.yaml()));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void above_the_threshold_the_manifests_go_to_the_store_with_a_claim_check(@TempDir Path dir) throws IOException {
        RenderedSet set = set(20, 1000, 2);   // ~20 KB of random letters: ~12 KB gzip
        FileManifestStore store = new FileManifestStore(dir, BASE);
        ManifestPacker packer = new ManifestPacker(store, 4 * 1024);

        RenderedManifests packed = packer.pack(set);

        assertThat(packed).isInstanceOf(RenderedManifests.ClaimCheck.class);
        RenderedManifests.ClaimCheck check = (RenderedManifests.ClaimCheck) packed;
        byte[] stored = Files.readAllBytes(store.fileFor(check.digest()));
        assertThat(check.size()).isEqualTo(stored.length).isGreaterThan(4 * 1024);
        assertThat(Digest.sha256(stored)).isEqualTo(check.digest());
        assertThat(check.url()).isEqualTo(URI.create("http://render-service:8080/manifests/sha256/" + check.digest().hex() + ".yaml.gz"));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(set.yaml());
        }
        assertThat(store.get(check.digest())).hasValueSatisfying(b -> assertThat(b).isEqualTo(stored));
    }

    @Test
    void the_default_threshold_is_512_KiB_of_gzip() {
        assertThat(RenderedManifests.INLINE_LIMIT_BYTES).isEqualTo(512 * 1024);
    }

    @Test
    void packing_the_same_set_twice_gives_the_same_bytes_and_one_stored_file(@TempDir Path dir) throws IOException {
        RenderedSet set = set(20, 1000, 3);
        ManifestPacker packer = new ManifestPacker(new FileManifestStore(dir, BASE), 1024);

        assertThat(packer.pack(set)).isEqualTo(packer.pack(set));
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
        }
        RenderedSet small = set(1, 10, 4);
        ManifestPacker inline = new ManifestPacker(new FileManifestStore(dir, BASE));
        assertThat(inline.pack(small)).isEqualTo(inline.pack(small));
    }

    @Test
    void store_refuses_bytes_that_do_not_match_the_digest(@TempDir Path dir) {
        FileManifestStore store = new FileManifestStore(dir, BASE);

        assertThatThrownBy(() -> store.put(Digest.sha256(new byte[]{1}), new byte[]{2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digest differs");
        assertThat(store.get(Digest.sha256(new byte[]{1}))).isEmpty();
    }

    @Test
    void store_base_url_must_be_absolute_and_a_folder(@TempDir Path dir) {
        assertThatThrownBy(() -> new FileManifestStore(dir, URI.create("/manifests/"))).hasMessageContaining("absolute");
        assertThatThrownBy(() -> new FileManifestStore(dir, URI.create("http://x/manifests"))).hasMessageContaining("end with '/'");
    }
}
