package io.sluice.source.artifact;

import io.sluice.api.events.Digest;

import java.nio.file.Path;

/**
 * A tar.gz just written to a temporary file, before it is moved into storage under its digest.
 *
 * @param file   the temporary file
 * @param digest sha256 of the file's bytes
 * @param size   its length in bytes
 * @param files  how many files it holds
 */
public record BuiltArtifact(Path file, Digest digest, long size, int files) {
}
