package io.sluice.source.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One regular file that may go into an artifact: its path inside the artifact, whether it is executable, its
 * size, and where to read its bytes from (a Git blob, or an entry of another artifact for {@code spec.include}).
 *
 * @param path       relative, {@code /}-separated, no {@code .} or {@code ..} segments, e.g. {@code deploy/app.yaml}
 * @param executable written with mode 0755 instead of 0644
 * @param size       the exact number of bytes {@link #content} gives
 * @param content    opens the bytes; called once, when the file is written
 */
public record SourceFile(String path, boolean executable, long size, Content content) {

    /** Opens a file's bytes. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public SourceFile {
        ArtifactPaths.requireRelative(path, "file path");
        if (size < 0) {
            throw new IllegalArgumentException("file " + path + " has a negative size " + size);
        }
        Objects.requireNonNull(content, "content");
    }

    /** A file whose bytes are in memory. */
    public static SourceFile of(String path, boolean executable, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new SourceFile(path, executable, copy.length, () -> new java.io.ByteArrayInputStream(copy));
    }
}
