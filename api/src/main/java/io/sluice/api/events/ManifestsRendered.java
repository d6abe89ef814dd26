package io.sluice.api.events;

import io.sluice.api.meta.ObjectKey;

import java.time.Instant;

/**
 * An application object (Kustomization or HelmRelease) was rendered into plain manifests. Produced by
 * render-service on {@code render.manifests} (compacted: the latest rendering of every app stays); consumed
 * by apply-service, which can skip an apply when it already applied the same {@code digest}.
 *
 * @param app            the application object, e.g. {@code Kustomization/flux-system/podinfo}
 * @param sourceRevision the revision of the source artifact that was rendered, e.g. {@code main@sha1:<sha>}
 * @param digest         the SHA-256 of the rendered, uncompressed YAML stream: the identity of this rendering
 * @param manifests      the manifests themselves, inline or behind a claim check
 * @param pushReceivedAt when webhook-gateway received the Git push that led to this (from
 *                       {@link ArtifactReady#pushReceivedAt()}); null when not started by a push
 */
public record ManifestsRendered(ObjectKey app, String sourceRevision, Digest digest, RenderedManifests manifests,
                                Instant pushReceivedAt) implements SluiceEvent {

    private static final String NAME = "ManifestsRendered";

    public ManifestsRendered {
        Require.present(app, NAME, "app");
        Require.text(sourceRevision, NAME, "sourceRevision");
        Require.present(digest, NAME, "digest");
        Require.present(manifests, NAME, "manifests");
    }

    /** Manifests not caused by a push (polling, interval, reconcile request). */
    public ManifestsRendered(ObjectKey app, String sourceRevision, Digest digest, RenderedManifests manifests) {
        this(app, sourceRevision, digest, manifests, null);
    }

    /** The same rendering, carrying the push that led to it (see {@code pushReceivedAt}). */
    public ManifestsRendered withPushReceivedAt(Instant pushReceivedAt) {
        return new ManifestsRendered(app, sourceRevision, digest, manifests, pushReceivedAt);
    }

    @Override
    public String subject() {
        return app.subject();
    }

    @Override
    public EventType eventType() {
        return EventType.MANIFESTS_RENDERED;
    }
}
