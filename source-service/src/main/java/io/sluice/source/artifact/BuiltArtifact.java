package io.sluice.source.artifact;

import io.sluice.api.events.Digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An artifact just written to a temporary file, before it is moved into storage under its digest.
 *
 * @param file   the temporary file
 * @param digest sha256 of the file's bytes
 * @param size   its length in bytes
 * @param files  how many files it holds (0 when that is not known, e.g. a downloaded chart)
 * @param format what it is, which gives its file name in storage
 */
public record BuiltArtifact(Path file, Digest digest, long size, int files, ArtifactFormat format) {

    /** A tar.gz of source files. */
    public BuiltArtifact(Path file, Digest digest, long size, int files) {
        this(file, digest, size, files, ArtifactFormat.TAR_GZ);
    }

    /** A file written by someone else (a download, a packaged chart): its digest and size read from it. */
    public static BuiltArtifact ofFile(Path file, ArtifactFormat format) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must provide", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new BuiltArtifact(file, new Digest("sha256", HexFormat.of().formatHex(sha256.digest())), Files.size(file), 0, format);
    }
}
