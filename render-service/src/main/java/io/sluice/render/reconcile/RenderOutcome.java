package io.sluice.render.reconcile;

import io.sluice.api.events.Digest;
import io.sluice.api.events.ManifestsRendered;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.ObjectKey;
import io.sluice.render.build.RenderException;

import java.time.Instant;
import java.util.Map;

/** What happened to one Kustomization when an artifact arrived. */
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
     * Rendering failed: set Ready=False with {@code error.conditionReason()} and publish {@link #toEvent}; the last
     * applied state stays in the cluster because nothing new is published on {@code render.manifests}.
     */
    record Failed(ObjectKey app, String revision, RenderException error) implements RenderOutcome {

        /** The Flux-style error event for {@code sluice.events}. */
        public ObjectEvent toEvent(Instant now, String reportingController) {
            return new ObjectEvent(app, Severity.ERROR, error.conditionReason(), error.getMessage(), revision, Map.of(),
                    now, reportingController);
        }
    }
}
