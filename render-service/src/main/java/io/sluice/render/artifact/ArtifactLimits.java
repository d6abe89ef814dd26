package io.sluice.render.artifact;

import java.time.Duration;

/**
 * Bounds on what render-service accepts from a source artifact, so a broken or hostile artifact cannot fill the
 * disk or memory: the download size, the unpacked size, the number of entries and the HTTP timeout.
 *
 * @param maxDownloadBytes largest compressed artifact accepted
 * @param maxUnpackedBytes largest sum of unpacked file sizes (a gzip bomb stops here)
 * @param maxEntries       most tar entries (files and directories)
 * @param timeout          HTTP connect and response timeout
 */
public record ArtifactLimits(long maxDownloadBytes, long maxUnpackedBytes, int maxEntries, Duration timeout) {

    /** 100 MiB download, 1 GiB unpacked, 100,000 entries, 60 s. */
    public static final ArtifactLimits DEFAULT = new ArtifactLimits(100L << 20, 1L << 30, 100_000, Duration.ofSeconds(60));

    public ArtifactLimits {
        if (maxDownloadBytes <= 0 || maxUnpackedBytes <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("artifact limits must be positive, got download=" + maxDownloadBytes
                    + " unpacked=" + maxUnpackedBytes + " entries=" + maxEntries);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("artifact download timeout must be positive, got " + timeout);
        }
    }
}
