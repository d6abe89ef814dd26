package io.sluice.render.store;

import io.sluice.api.events.Digest;

import java.net.URI;
import java.util.Optional;

/**
 * Where rendered manifests too large for a Kafka record go (the claim check of {@code ManifestsRendered}):
 * content-addressed blobs of gzip-compressed YAML, keyed by their own digest.
 */
public interface ManifestStore {

    /**
     * Stores the bytes (idempotent: storing the same bytes again changes nothing) and returns the URL a consumer
     * fetches them from.
     */
    URI put(Digest digest, byte[] gzip);

    /** The stored bytes, or empty when there are none under this digest. */
    Optional<byte[]> get(Digest digest);
}
