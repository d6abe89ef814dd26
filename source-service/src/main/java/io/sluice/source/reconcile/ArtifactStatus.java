package io.sluice.source.reconcile;

import io.sluice.api.meta.Artifact;
import io.sluice.source.artifact.StoredArtifact;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** {@code status.artifact} for a stored artifact, as every source kind writes it. */
final class ArtifactStatus {

    private ArtifactStatus() {
    }

    /**
     * The stored artifact as {@code status.artifact}: path, URL, revision, digest, size, and {@code lastUpdateTime},
     * which moves only when the content changes (it stays {@code previous}'s for the same revision and digest).
     */
    static Artifact of(StoredArtifact stored, ArtifactUrls urls, String revision, Artifact previous) {
        Artifact artifact = new Artifact();
        artifact.setPath(stored.path());
        artifact.setUrl(urls.urlFor(stored.path()).toString());
        artifact.setRevision(revision);
        artifact.setDigest(stored.digest().toString());
        artifact.setSize(stored.size());
        boolean sameContent = previous != null && Objects.equals(previous.getDigest(), artifact.getDigest())
                && Objects.equals(previous.getRevision(), revision);
        artifact.setLastUpdateTime(sameContent && previous.getLastUpdateTime() != null ? previous.getLastUpdateTime()
                : DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        return artifact;
    }

    /** True when {@code artifact} is news: no artifact before, or another revision or digest. */
    static boolean changed(Artifact previous, Artifact artifact) {
        return previous == null || !Objects.equals(previous.getRevision(), artifact.getRevision())
                || !Objects.equals(previous.getDigest(), artifact.getDigest());
    }
}
