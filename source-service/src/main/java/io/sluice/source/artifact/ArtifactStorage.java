package io.sluice.source.artifact;

import io.sluice.api.meta.ObjectKey;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The artifact folder: {@code <root>/<kind lower-cased>/<namespace>/<name>/<sha256 hex><extension>}, one folder per
 * source object, files named by their digest and {@link ArtifactFormat} ({@code .tar.gz}, {@code .tgz}, {@code .json});
 * a file never changes once written, and writing the same content twice is a no-op.
 *
 * <p>A new artifact is written to a temporary file in the object's folder and moved into place atomically, so a
 * download never sees a half-written file. Old artifacts are garbage-collected: the newest {@code keep} files
 * of an object stay (the current one always), as Flux's {@code --artifact-retention-records} (default 2) keeps
 * the current and the previous one, so a consumer that got the previous URL a moment ago can still fetch it.
 */
public final class ArtifactStorage {

    private static final Logger LOG = Logger.getLogger(ArtifactStorage.class);
    private static final Pattern ARTIFACT_NAME = Pattern.compile("[0-9a-f]{64}(" + Arrays.stream(ArtifactFormat.values())
            .map(format -> Pattern.quote(format.extension())).collect(Collectors.joining("|")) + ")");
    private static final String TEMP_PREFIX = ".tmp-";

    private final Path root;
    private final int keep;

    /**
     * @param root folder holding all artifacts; created when missing
     * @param keep how many artifacts to keep per object, at least 1
     */
    public ArtifactStorage(Path root, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("sluice.source.storage.retention = " + keep + " is invalid: keep at least 1 artifact per object");
        }
        this.root = root.toAbsolutePath().normalize();
        this.keep = keep;
    }

    public Path root() {
        return root;
    }

    /** A new temporary file in the object's folder, to build an artifact into; {@link #store} moves it. */
    public Path newTempFile(ObjectKey object) throws IOException {
        Path folder = Files.createDirectories(folderOf(object));
        return folder.resolve(TEMP_PREFIX + UUID.randomUUID());
    }

    /**
     * Moves a built artifact to its digest-named place, or drops it when that file already exists (same
     * content), then marks the stored file as the newest and collects the object's old artifacts.
     */
    public StoredArtifact store(ObjectKey object, BuiltArtifact built) throws IOException {
        Path folder = Files.createDirectories(folderOf(object));
        String fileName = built.digest().hex() + built.format().extension();
        Path target = folder.resolve(fileName);
        if (Files.exists(target)) {
            Files.deleteIfExists(built.file());
        } else {
            move(built.file(), target);
        }
        // The modification time orders an object's artifacts for garbage collection: newest = current. Kept
        // strictly increasing, so two artifacts stored within the file system's clock resolution still order.
        Files.setLastModifiedTime(target, FileTime.from(laterThanAll(folder, target)));
        collectGarbage(object, target);
        return new StoredArtifact(relativePath(object, fileName), target, built.digest(), Files.size(target));
    }

    /** The stored file at {@code path} (as in {@link StoredArtifact#path()}), if it exists and is an artifact. */
    public Optional<Path> find(String path) {
        if (path == null || path.contains("\\")) {
            return Optional.empty();
        }
        String[] segments = path.split("/", -1);
        if (segments.length != 4 || !ARTIFACT_NAME.matcher(segments[3]).matches()) {
            return Optional.empty();
        }
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        Path file = root.resolve(path).normalize();
        return file.startsWith(root) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The path of the artifact with this digest for the object, relative to the root. */
    public String relativePath(ObjectKey object, String fileName) {
        return kindFolder(object) + "/" + object.namespace() + "/" + object.name() + "/" + fileName;
    }

    /** Deletes all artifacts of an object (it was deleted). */
    public void deleteAll(ObjectKey object) {
        Path folder = folderOf(object);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the artifacts of " + object + " in " + folder, e);
        }
    }

    /** Keeps the newest {@code keep} artifacts of the object (always {@code current}) and deletes the rest and stale temporary files. */
    void collectGarbage(ObjectKey object, Path current) throws IOException {
        List<Path> artifacts = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folderOf(object))) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (ARTIFACT_NAME.matcher(name).matches() && !file.equals(current)) {
                    artifacts.add(file);
                } else if (name.startsWith(TEMP_PREFIX) && isOlderThanAMinute(file)) {
                    Files.deleteIfExists(file); // left behind by a build that crashed
                }
            }
        }
        artifacts.sort(Comparator.comparing(ArtifactStorage::modified).reversed());
        for (Path old : artifacts.subList(Math.min(keep - 1, artifacts.size()), artifacts.size())) {
            Files.deleteIfExists(old);
            LOG.debugf("Garbage-collected artifact %s of %s", old.getFileName(), object);
        }
    }

    private Path folderOf(ObjectKey object) {
        Path folder = root.resolve(kindFolder(object)).resolve(object.namespace()).resolve(object.name()).normalize();
        if (!folder.startsWith(root)) {
            throw new IllegalArgumentException("object " + object + " does not map to a folder inside " + root);
        }
        return folder;
    }

    private static String kindFolder(ObjectKey object) {
        return object.kind().toLowerCase(Locale.ROOT);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Instant laterThanAll(Path folder, Path except) throws IOException {
        Instant newest = Instant.EPOCH;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (!file.equals(except) && ARTIFACT_NAME.matcher(file.getFileName().toString()).matches()) {
                    Instant modified = modified(file).toInstant();
                    newest = modified.isAfter(newest) ? modified : newest;
                }
            }
        }
        Instant now = Instant.now();
        return now.isAfter(newest) ? now : newest.plusMillis(1);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static boolean isOlderThanAMinute(Path file) {
        return modified(file).toInstant().isBefore(Instant.now().minusSeconds(60));
    }
}
