package io.sluice.api.events;

import io.sluice.api.meta.ObjectKey;

/**
 * An application object (Kustomization or HelmRelease) was rendered into plain manifests. Produced by
 * render-service on {@code render.manifests} (compacted: the latest rendering of every app stays); consumed
 * by apply-service, which can skip an apply when it already applied the same {@code digest}.
 *
 * @param app            the application object, e.g. {@code Kustomization/flux-system/podinfo}
 * @param sourceRevision the revision of the source artifact that was rendered, e.g. {@code main@sha1:<sha>}
 * @param digest         the SHA-256 of the rendered, uncompressed YAML stream: the identity of this rendering
 * @param manifests      the manifests themselves, inline or behind a claim check
 */
public record ManifestsRendered(ObjectKey app, String sourceRevision, Digest digest, RenderedManifests manifests)
        implements SluiceEvent {

    private static final String NAME = "ManifestsRendered";

    public ManifestsRendered {
        Require.present(app, NAME, "app");
        Require.text(sourceRevision, NAME, "sourceRevision");
        Require.present(digest, NAME, "digest");
        Require.present(manifests, NAME, "manifests");
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
