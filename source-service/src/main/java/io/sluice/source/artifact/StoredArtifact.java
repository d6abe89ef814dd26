package io.sluice.source.artifact;

import io.sluice.api.events.Digest;

import java.nio.file.Path;

/**
 * An artifact in storage.
 *
 * @param path   relative to the storage root and to the artifact URL base, e.g.
 *               {@code gitrepository/flux-system/podinfo/<sha256 hex>.tar.gz} (Flux's {@code status.artifact.path})
 * @param file   the file on disk
 * @param digest its sha256
 * @param size   its length in bytes
 */
public record StoredArtifact(String path, Path file, Digest digest, long size) {
}
