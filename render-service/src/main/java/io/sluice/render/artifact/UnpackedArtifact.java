package io.sluice.render.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * An artifact unpacked into a temporary directory of its own. Closing it deletes the directory, so use it in
 * try-with-resources.
 *
 * @param root the directory holding the artifact's files
 */
public record UnpackedArtifact(Path root) implements AutoCloseable {

    @Override
    public void close() {
        deleteTree(root);
    }

    /** Deletes a directory tree without following symbolic links. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete temporary directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
