package io.sluice.api.events;

import io.sluice.api.meta.ObjectKey;

import java.net.URI;
import java.time.Instant;

/**
 * A source object has a new artifact (a tar.gz of its files at one revision) ready to download. Produced by
 * source-service on {@code source.artifact}; render-service and image-watcher consume it. The topic is
 * compacted, so the latest artifact of every source is always there for a consumer that starts later.
 *
 * @param source   the source object, e.g. {@code GitRepository/flux-system/podinfo}
 * @param revision the revision, Flux-style: {@code main@sha1:<sha>} for Git (see
 *                 {@link io.sluice.api.meta.Revision}), the chart version for a Helm chart, {@code tag@sha256:…}
 *                 for OCI
 * @param url      where to download the artifact (HTTP GET)
 * @param digest   the artifact's digest; a consumer must check it before using the bytes
 * @param size     the artifact's size in bytes
 * @param pushReceivedAt when webhook-gateway received the Git push that led to this, carried down the chain so
 *                 apply-service can measure push-to-applied latency; null when polling, an interval or a reconcile
 *                 request started it
 */
public record ArtifactReady(ObjectKey source, String revision, URI url, Digest digest, long size,
                            Instant pushReceivedAt) implements SluiceEvent {

    private static final String NAME = "ArtifactReady";

    public ArtifactReady {
        Require.present(source, NAME, "source");
        Require.text(revision, NAME, "revision");
        Require.present(url, NAME, "url");
        if (!url.isAbsolute()) {
            throw new IllegalArgumentException(NAME + ".url must be absolute, got '" + url + "'");
        }
        Require.present(digest, NAME, "digest");
        Require.notNegative(size, NAME, "size");
    }

    /** An artifact not caused by a push (polling, interval, reconcile request). */
    public ArtifactReady(ObjectKey source, String revision, URI url, Digest digest, long size) {
        this(source, revision, url, digest, size, null);
    }

    @Override
    public String subject() {
        return source.subject();
    }

    @Override
    public EventType eventType() {
        return EventType.ARTIFACT_READY;
    }
}
