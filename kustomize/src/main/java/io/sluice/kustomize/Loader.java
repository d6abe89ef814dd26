package io.sluice.kustomize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads files for one kustomization with kustomize's default load restrictions: a file must be
 * in or below the kustomization's directory; other directories are reachable only as
 * kustomizations of their own ({@link #child}).
 */
public final class Loader {
    private static final Pattern REMOTE = Pattern.compile(
            "^(https?://|git::|git@|ssh://|file://|github\\.com/|gitlab\\.com/|bitbucket\\.org/).*|.*\\?ref=.*");

    private final Path root;
    private final List<Path> ancestors;

    private Loader(Path root, List<Path> ancestors) {
        this.root = root;
        this.ancestors = ancestors;
    }

    public static Loader forRoot(Path dir) {
        Path real = realDir(dir, null, dir.toString());
        return new Loader(real, List.of(real));
    }

    public Path root() {
        return root;
    }

    public static boolean isRemote(String path) {
        return REMOTE.matcher(path).matches();
    }

    /** Resolves {@code rel} against the root, enforcing the root-only restriction. */
    public Path resolveFile(String rel, String field, String kustFile) {
        if (isRemote(rel)) {
            throw new KustomizeException(kustFile + ": " + field + " entry '" + rel
                    + "' is a remote URL; remote resources are not supported (vendor the files into the repository)");
        }
        Path p = root.resolve(rel).normalize();
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            throw new KustomizeException(kustFile + ": " + field + " entry '" + rel + "': file not found: " + p);
        }
        if (!real.startsWith(root)) {
            throw new KustomizeException(kustFile + ": " + field + " entry '" + rel + "': security; file '" + real
                    + "' is not in or below '" + root + "'");
        }
        return real;
    }

    public String readFile(String rel, String field, String kustFile) {
        Path p = resolveFile(rel, field, kustFile);
        if (Files.isDirectory(p)) {
            throw new KustomizeException(kustFile + ": " + field + " entry '" + rel + "' is a directory, expected a file");
        }
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KustomizeException(kustFile + ": cannot read " + field + " entry '" + rel + "': " + e.getMessage(), e);
        }
    }

    public byte[] readBytes(String rel, String field, String kustFile) {
        Path p = resolveFile(rel, field, kustFile);
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new KustomizeException(kustFile + ": cannot read " + field + " entry '" + rel + "': " + e.getMessage(), e);
        }
    }

    /** A loader for another kustomization directory (may be outside this root). */
    public Loader child(String rel, String field, String kustFile) {
        if (isRemote(rel)) {
            throw new KustomizeException(kustFile + ": " + field + " entry '" + rel
                    + "' is a remote URL; remote resources are not supported (vendor the files into the repository)");
        }
        Path real = realDir(root.resolve(rel).normalize(), kustFile, field + " entry '" + rel + "'");
        if (ancestors.contains(real)) {
            throw new KustomizeException(kustFile + ": " + field + " entry '" + rel + "': cycle detected: '" + real
                    + "' is already being built");
        }
        List<Path> anc = new java.util.ArrayList<>(ancestors);
        anc.add(real);
        return new Loader(real, List.copyOf(anc));
    }

    private static Path realDir(Path dir, String kustFile, String what) {
        try {
            Path real = dir.toRealPath();
            if (!Files.isDirectory(real)) {
                throw new KustomizeException((kustFile == null ? "" : kustFile + ": ") + what + ": '" + dir
                        + "' is not a directory");
            }
            return real;
        } catch (IOException e) {
            throw new KustomizeException((kustFile == null ? "" : kustFile + ": ") + what + ": no such file or directory: '"
                    + dir + "'");
        }
    }
}
