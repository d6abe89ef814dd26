package io.sluice.source.artifact;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the regular files of a stored tar.gz artifact into memory (for {@code spec.include} and for tests). */
public final class ArtifactReader {

    private ArtifactReader() {
    }

    /** Every regular file, with its path as stored (a leading {@code ./} removed) and its executable bit. */
    public static List<SourceFile> read(Path tarGz) throws IOException {
        try (InputStream in = Files.newInputStream(tarGz)) {
            return read(in);
        }
    }

    /** As {@link #read(Path)}, from a stream (left open). */
    public static List<SourceFile> read(InputStream tarGz) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(tarGz)));
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            if (!entry.isFile()) {
                continue;
            }
            String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
            boolean executable = (entry.getMode() & 0100) != 0;
            files.add(SourceFile.of(name, executable, tar.readAllBytes()));
        }
        return files;
    }

    /**
     * The files of an included artifact that lie under {@code include.fromPath()}, moved to
     * {@code include.toPath()}.
     *
     * @throws IOException when the artifact cannot be read or has nothing under {@code fromPath}
     */
    public static List<SourceFile> readIncluded(IncludedArtifact include) throws IOException {
        List<SourceFile> moved = new ArrayList<>();
        String from = include.fromPath().isEmpty() ? "" : include.fromPath() + "/";
        String to = include.toPath().isEmpty() ? "" : include.toPath() + "/";
        for (SourceFile file : read(include.artifact())) {
            if (file.path().startsWith(from)) {
                String path = to + file.path().substring(from.length());
                moved.add(new SourceFile(path, file.executable(), file.size(), file.content()));
            }
        }
        if (moved.isEmpty() && !from.isEmpty()) {
            throw new IOException("included GitRepository '" + include.name() + "' has no files under fromPath '"
                    + include.fromPath() + "'; check spec.include[].fromPath against that repository's content");
        }
        return moved;
    }
}
