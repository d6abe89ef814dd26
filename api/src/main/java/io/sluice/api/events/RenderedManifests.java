package io.sluice.api.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Where the rendered manifests of a {@link ManifestsRendered} event are: either inside the event (gzip) or,
 * when they are too large for a Kafka record, behind a URL (the claim-check pattern). In JSON the choice is
 * the {@code "mode"} property: {@code "inline"} or {@code "claim-check"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "mode")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RenderedManifests.Inline.class, name = "inline"),
        @JsonSubTypes.Type(value = RenderedManifests.ClaimCheck.class, name = "claim-check")
})
public sealed interface RenderedManifests permits RenderedManifests.Inline, RenderedManifests.ClaimCheck {

    /**
     * Above this many gzip bytes, render-service should store the manifests and send a claim check. It
     * leaves room under Kafka's default 1 MiB record limit for headers and the rest of the event (the bytes
     * are base64 in JSON, which adds a third).
     */
    int INLINE_LIMIT_BYTES = 512 * 1024;

    /**
     * The manifests inside the event: a multi-document YAML stream, gzip-compressed (base64 in JSON).
     *
     * @param gzip the gzip-compressed YAML
     */
    record Inline(byte[] gzip) implements RenderedManifests {

        public Inline {
            if (gzip == null || gzip.length == 0) {
                throw new IllegalArgumentException("ManifestsRendered.manifests.gzip is required but missing");
            }
            gzip = gzip.clone();
        }

        /** Compresses a multi-document YAML stream. */
        public static Inline of(String yaml) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                out.write(yaml.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("gzip into memory failed", e);
            }
            return new Inline(bytes.toByteArray());
        }

        /** The gzip bytes (a copy: records hand out no mutable state). */
        @Override
        public byte[] gzip() {
            return gzip.clone();
        }

        /** Decompresses the YAML stream. */
        public String yaml() {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("ManifestsRendered.manifests.gzip is not valid gzip: " + e.getMessage(), e);
            }
        }

        // Records compare arrays by reference; compare the content, so two decodings of one event are equal.
        @Override
        public boolean equals(Object other) {
            return other instanceof Inline that && Arrays.equals(gzip, that.gzip);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(gzip);
        }

        @Override
        public String toString() {
            return "Inline[gzip=" + gzip.length + " bytes]";
        }
    }

    /**
     * The manifests are stored elsewhere; fetch them with HTTP GET and check the digest before use.
     *
     * @param url    where the gzip-compressed YAML stream is
     * @param digest the digest of the bytes at {@code url}
     * @param size   their size in bytes
     */
    record ClaimCheck(URI url, Digest digest, long size) implements RenderedManifests {

        public ClaimCheck {
            Require.present(url, "ManifestsRendered.manifests", "url");
            if (!url.isAbsolute()) {
                throw new IllegalArgumentException("ManifestsRendered.manifests.url must be absolute, got '" + url + "'");
            }
            Require.present(digest, "ManifestsRendered.manifests", "digest");
            Require.notNegative(size, "ManifestsRendered.manifests", "size");
        }
    }
}
