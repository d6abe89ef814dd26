package io.sluice.render.reconcile;

import io.sluice.api.events.Digest;
import io.sluice.api.meta.ObjectKey;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last rendering published per app, so that rendering the same inputs again publishes nothing: a
 * rendering is new unless both the source revision and the rendered digest equal the last published ones. (The
 * revision counts too: a new commit that renders the same manifests is still published, so apply-service can
 * record it as the applied revision.) A failure forgets the app, so the next success is published even when
 * it equals the one before, which clears the Ready=False the failure set.
 *
 * <p>In memory: after a restart the first rendering of each app is published again, which apply-service
 * recognises by its digest.
 */
public final class PublishedRenderings {

    private record Last(String revision, Digest digest) {
    }

    private final Map<ObjectKey, Last> last = new ConcurrentHashMap<>();

    public boolean alreadyPublished(ObjectKey app, String revision, Digest digest) {
        return new Last(revision, digest).equals(last.get(app));
    }

    /** Call once Kafka acknowledged the event. */
    public void published(ObjectKey app, String revision, Digest digest) {
        last.put(app, new Last(revision, digest));
    }

    public void forget(ObjectKey app) {
        last.remove(app);
    }
}
