package io.sluice.render.artifact;

import io.sluice.render.build.RenderException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a tar.gz artifact into a directory, refusing anything that could write outside it or exhaust the
 * disk: absolute names and {@code ..} segments, symbolic and hard links (as Flux's untar does: a link could point
 * anywhere, and a later entry could write through it), device files, more than {@code maxEntries} entries and
 * more than {@code maxUnpackedBytes} of content. Each failure is an {@code ArtifactFailed}
 * {@link RenderException} naming the entry.
 */
public final class TarGzUnpacker {

    private final ArtifactLimits limits;

    public TarGzUnpacker(ArtifactLimits limits) {
        this.limits = limits;
    }

    /**
     * Unpacks {@code tarGz} into {@code target} (an existing, empty directory).
     *
     * @param what names the artifact in error messages, e.g. "artifact of GitRepository flux-system/app"
     */
    public void unpack(byte[] tarGz, Path target, String what) {
        Path root = target.toAbsolutePath().normalize();
        long total = 0;
        int entries = 0;
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(tarGz));
             TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries++;
                if (entries > limits.maxEntries()) {
                    throw RenderException.artifact(what + " has more than " + limits.maxEntries()
                            + " entries; refusing to unpack it (raise the artifact entry limit if this is intended)");
                }
                String name = entry.getName();
                Path dest = resolveInside(root, name, what);
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw RenderException.artifact(what + ": entry '" + name + "' is a " + (entry.isLink() ? "hard" : "symbolic")
                            + " link to '" + entry.getLinkName() + "'; links are not allowed in artifacts");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(dest);
                    continue;
                }
                if (!entry.isFile()) {
                    throw RenderException.artifact(what + ": entry '" + name + "' is not a regular file or directory");
                }
                if (dest.equals(root)) {
                    throw RenderException.artifact(what + ": entry '" + name + "' has no file name");
                }
                Files.createDirectories(dest.getParent());
                total = copyBounded(tar, dest, total, name, what);
            }
        } catch (IOException e) {
            throw RenderException.artifact(what + " is not a valid tar.gz: " + e.getMessage(), e);
        }
    }

    private long copyBounded(InputStream in, Path dest, long total, String name, String what) throws IOException {
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(dest)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limits.maxUnpackedBytes()) {
                    throw RenderException.artifact(what + " unpacks to more than " + limits.maxUnpackedBytes()
                            + " bytes (at entry '" + name + "'); refusing to unpack it");
                }
                out.write(buf, 0, n);
            }
        }
        return total;
    }

    /** The entry's path below root; absolute names and names climbing out with '..' are rejected. */
    static Path resolveInside(Path root, String name, String what) {
        String clean = name.replace('\\', '/');
        while (clean.startsWith("./")) {
            clean = clean.substring(2);
        }
        if (clean.startsWith("/") || clean.matches("^[A-Za-z]:.*")) {
            throw RenderException.artifact(what + ": entry '" + name + "' has an absolute path; refusing to unpack it");
        }
        for (String segment : clean.split("/")) {
            if (segment.equals("..")) {
                throw RenderException.artifact(what + ": entry '" + name + "' climbs out of the artifact with '..'; refusing to unpack it");
            }
        }
        Path dest = root.resolve(clean).normalize();
        if (!dest.startsWith(root)) {
            throw RenderException.artifact(what + ": entry '" + name + "' lies outside the artifact; refusing to unpack it");
        }
        return dest;
    }
}
