package io.sluice.render.store;

import io.sluice.api.events.Digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A {@link ManifestStore} on the local filesystem: {@code <dataDir>/<algorithm>/<hex>.yaml.gz}, served at
 * {@code <baseUrl><algorithm>/<hex>.yaml.gz}. Files are written to a temporary name and moved into place, so a
 * reader never sees half a file. Serving the folder over HTTP is the reconciler wiring's job.
 */
public final class FileManifestStore implements ManifestStore {

    private final Path dataDir;
    private final URI baseUrl;

    /**
     * @param dataDir where the blobs live (created when missing)
     * @param baseUrl the absolute URL the folder is served at, ending with '/', e.g. http://render-service:8080/manifests/
     */
    public FileManifestStore(Path dataDir, URI baseUrl) {
        if (!baseUrl.isAbsolute() || !baseUrl.getPath().endsWith("/")) {
            throw new IllegalArgumentException("manifest store base URL must be absolute and end with '/', got '" + baseUrl + "'");
        }
        this.dataDir = dataDir;
        this.baseUrl = baseUrl;
    }

    @Override
    public URI put(Digest digest, byte[] gzip) {
        if (!digest.matches(gzip)) {
            throw new IllegalArgumentException("refusing to store bytes under " + digest + ": their digest differs");
        }
        Path file = fileFor(digest);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path tmp = Files.createTempFile(file.getParent(), ".upload-", ".tmp");
                Files.write(tmp, gzip);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store rendered manifests in " + file + ": " + e.getMessage(), e);
        }
        return baseUrl.resolve(relative(digest));
    }

    @Override
    public Optional<byte[]> get(Digest digest) {
        try {
            return Optional.of(Files.readAllBytes(fileFor(digest)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rendered manifests " + digest + ": " + e.getMessage(), e);
        }
    }

    /** The file for a digest (its path is made only of the algorithm and hex digits, so it cannot escape). */
    public Path fileFor(Digest digest) {
        return dataDir.resolve(relative(digest));
    }

    private static String relative(Digest digest) {
        return digest.algorithm() + "/" + digest.hex() + ".yaml.gz";
    }
}
