package io.sluice.source.artifact;

import io.sluice.api.events.Digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds an artifact from the files of a commit: lays the included artifacts over them, drops what the ignore
 * rules exclude, writes a deterministic tar.gz and digests it on the way.
 */
public final class ArtifactBuilder {

    private ArtifactBuilder() {
    }

    /**
     * @param treeFiles  the commit's files ({@link GitTreeFiles#read})
     * @param includes   {@code spec.include}, in order; a later file at the same path replaces an earlier one,
     *                   and included files replace the commit's, as Flux copies them over the checkout
     * @param specIgnore {@code spec.ignore}, may be null
     * @param target     the file to write (created or replaced)
     */
    public static BuiltArtifact build(List<SourceFile> treeFiles, List<IncludedArtifact> includes, String specIgnore, Path target)
            throws IOException {
        Map<String, SourceFile> byPath = new TreeMap<>();
        treeFiles.forEach(file -> byPath.put(file.path(), file));
        for (IncludedArtifact include : includes) {
            ArtifactReader.readIncluded(include).forEach(file -> byPath.put(file.path(), file));
        }

        IgnoreRules rules = IgnoreRules.of(sourceIgnoreFiles(byPath), specIgnore);
        List<SourceFile> kept = byPath.values().stream().filter(file -> !rules.isIgnored(file.path())).toList();

        MessageDigest sha256 = sha256();
        long size;
        try (OutputStream file = Files.newOutputStream(target);
             CountingOutputStream counting = new CountingOutputStream(new DigestOutputStream(file, sha256))) {
            DeterministicTarGz.write(kept, counting);
            counting.flush();
            size = counting.count;
        }
        return new BuiltArtifact(target, new Digest("sha256", HexFormat.of().formatHex(sha256.digest())), size, kept.size());
    }

    /** The text of every .sourceignore, keyed by its folder ("" for the root). */
    private static Map<String, String> sourceIgnoreFiles(Map<String, SourceFile> byPath) throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        for (SourceFile file : byPath.values()) {
            String path = file.path();
            if (path.equals(IgnoreRules.IGNORE_FILE) || path.endsWith("/" + IgnoreRules.IGNORE_FILE)) {
                String folder = path.length() == IgnoreRules.IGNORE_FILE.length() ? ""
                        : path.substring(0, path.length() - IgnoreRules.IGNORE_FILE.length() - 1);
                try (InputStream in = file.content().open()) {
                    found.put(folder, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return found;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must provide", e);
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
