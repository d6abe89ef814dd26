package io.sluice.api.events;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenderedManifestsTest {

    private static final String YAML = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n";

    @Test
    void inlineManifestsAreGzipAndComeBackUnchanged() {
        RenderedManifests.Inline inline = RenderedManifests.Inline.of(YAML);
        byte[] gzip = inline.gzip();
        assertThat(gzip[0]).isEqualTo((byte) 0x1f);
        assertThat(gzip[1]).isEqualTo((byte) 0x8b);
        assertThat(inline.yaml()).isEqualTo(YAML);
    }

    @Test
    void inlineIsEqualByContentAndImmutable() {
        RenderedManifests.Inline a = RenderedManifests.Inline.of(YAML);
        RenderedManifests.Inline b = new RenderedManifests.Inline(a.gzip());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        a.gzip()[0] = 0;
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(RenderedManifests.Inline.of(YAML + "# changed\n"));
    }

    @Test
    void notGzipSaysSo() {
        assertThatThrownBy(() -> new RenderedManifests.Inline(new byte[]{1, 2, 3}).yaml()).hasMessageContaining("is not valid gzip");
        assertThatThrownBy(() -> new RenderedManifests.Inline(new byte[0])).hasMessageContaining("gzip is required");
    }

    @Test
    void claimCheckNeedsAnAbsoluteUrl() {
        assertThatThrownBy(() -> new RenderedManifests.ClaimCheck(URI.create("manifests/x"), SampleEvents.DIGEST, 1))
                .hasMessageContaining("must be absolute");
    }
}
