package io.sluice.image.scan;

import io.sluice.api.meta.ObjectKey;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last scanned tags of each ImageRepository, one file per object ({@code <root>/<namespace>/<name>.tags}: the
 * revision on the first line, then one tag per line), as Flux keeps them in its database. Files are replaced
 * atomically, so a reader never sees half a list.
 */
public final class TagStore {

    private final Path root;

    public TagStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    public void save(ObjectKey repository, ScannedTags scanned) throws IOException {
        Path file = file(repository);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + repository.name(), ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write(scanned.revision());
            out.write('\n');
            for (String tag : scanned.tags()) {
                out.write(tag);
                out.write('\n');
            }
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The stored tags, or empty when this replica has none (never scanned here, or deleted). */
    public Optional<ScannedTags> load(ObjectKey repository) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file(repository), StandardCharsets.UTF_8)) {
            String revision = in.readLine();
            if (revision == null) {
                return Optional.empty();
            }
            List<String> tags = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                tags.add(line);
            }
            return Optional.of(new ScannedTags(tags, revision));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    public void delete(ObjectKey repository) throws IOException {
        Files.deleteIfExists(file(repository));
    }

    private Path file(ObjectKey repository) {
        if (repository.namespace().startsWith(".") || repository.name().startsWith(".")) {
            throw new IllegalArgumentException("object " + repository + " has a name starting with '.', which Kubernetes does not allow");
        }
        return root.resolve(repository.namespace()).resolve(repository.name() + ".tags");
    }
}
