package io.sluice.apply.reconcile;

import io.sluice.api.events.Digest;
import io.sluice.api.meta.ObjectKey;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The digest of the rendering last applied successfully, per app, kept in memory. Together with
 * {@code status.lastAppliedRevision} it tells a re-delivered ManifestsRendered (same revision, same digest:
 * skip) from a new rendering of the same revision (e.g. changed substitutions: apply). After a restart the map is
 * empty, so the first delivery of each app is applied again, which server-side apply makes harmless.
 */
final class AppliedRenderings {

    private final Map<ObjectKey, Digest> applied = new ConcurrentHashMap<>();

    boolean alreadyApplied(ObjectKey app, String lastAppliedRevision, String revision, Digest digest) {
        return revision.equals(lastAppliedRevision) && digest.equals(applied.get(app));
    }

    void applied(ObjectKey app, Digest digest) {
        applied.put(app, digest);
    }
}
