package io.sluice.render.store;

import io.sluice.api.events.Digest;
import io.sluice.api.events.RenderedManifests;
import io.sluice.render.build.RenderedSet;

/**
 * Packs a {@link RenderedSet} for {@code ManifestsRendered}: the YAML stream gzip-compressed inside the event, or,
 * when the compressed bytes exceed the inline limit (default {@link RenderedManifests#INLINE_LIMIT_BYTES},
 * 512 KiB), stored in a {@link ManifestStore} with a claim check (URL, digest and size of the gzip bytes) in the
 * event instead. Java's gzip writes no timestamp, so the same stream always compresses to the same bytes.
 */
public final class ManifestPacker {

    private final ManifestStore store;
    private final int inlineLimitBytes;

    public ManifestPacker(ManifestStore store) {
        this(store, RenderedManifests.INLINE_LIMIT_BYTES);
    }

    public ManifestPacker(ManifestStore store, int inlineLimitBytes) {
        if (inlineLimitBytes <= 0) {
            throw new IllegalArgumentException("inline limit must be positive, got " + inlineLimitBytes);
        }
        this.store = store;
        this.inlineLimitBytes = inlineLimitBytes;
    }

    public RenderedManifests pack(RenderedSet set) {
        return pack(set.yaml());
    }

    /** Packs any rendering's text: a Kustomization's YAML stream, a HelmRelease's {@code HelmRendering} JSON. */
    public RenderedManifests pack(String text) {
        RenderedManifests.Inline inline = RenderedManifests.Inline.of(text);
        byte[] gzip = inline.gzip();
        if (gzip.length <= inlineLimitBytes) {
            return inline;
        }
        Digest digest = Digest.sha256(gzip);
        return new RenderedManifests.ClaimCheck(store.put(digest, gzip), digest, gzip.length);
    }
}
