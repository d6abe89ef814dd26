package io.sluice.apply.reconcile;

import io.sluice.api.events.Digest;
import io.sluice.api.meta.ObjectKey;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The digest of the rendering last applied successfully, per app, kept in memory. Together with
 * {@code status.lastAppliedRevision} it tells a rendering already applied (same revision, same digest: only a
 * drift check) from a new rendering of the same revision (e.g. changed substitutions: a full apply). After a
 * restart the map is empty; a rendering restored from the topic whose revision is the last applied one counts as
 * applied (see {@link DesiredStates.Desired#restored()}).
 */
final class AppliedRenderings {

    private final Map<ObjectKey, Digest> applied = new ConcurrentHashMap<>();

    boolean alreadyApplied(ObjectKey app, String lastAppliedRevision, DesiredStates.Desired desired) {
        if (!desired.rendering().sourceRevision().equals(lastAppliedRevision)) {
            return false;
        }
        Digest digest = applied.get(app);
        return digest == null ? desired.restored() : digest.equals(desired.rendering().digest());
    }

    void applied(ObjectKey app, Digest digest) {
        applied.put(app, digest);
    }

    void forget(ObjectKey app) {
        applied.remove(app);
    }
}
