package io.sluice.render.reconcile;

import io.sluice.api.events.Digest;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.meta.ObjectKey;
import io.sluice.render.build.RenderException;

/** What happened to one Kustomization when it was rendered from an artifact. */
public sealed interface RenderOutcome {

    ObjectKey app();

    /** New manifests: publish the event. */
    record Rendered(ObjectKey app, ManifestsRendered event, int objects) implements RenderOutcome {
    }

    /** Same source revision and same rendered digest as the last published rendering: publish nothing. */
    record Unchanged(ObjectKey app, String revision, Digest digest) implements RenderOutcome {
    }

    /** {@code spec.suspend: true}: not rendered. */
    record Suspended(ObjectKey app) implements RenderOutcome {
    }

    /**
     * Rendering failed: Ready=False with {@code error.conditionReason()} and an error event; the last applied state
     * stays in the cluster because nothing new is published on {@code render.manifests}.
     */
    record Failed(ObjectKey app, String revision, RenderException error) implements RenderOutcome {
    }
}
