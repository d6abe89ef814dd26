package io.sluice.source.reconcile;

import java.time.Duration;

/**
 * What a reconcile run decided, for its trigger.
 *
 * @param next        when to run again; null: only when something asks (a spec change, a push, a request)
 * @param newArtifact the run announced a new artifact: the objects that use this one's artifact (GitRepositories that
 *                    include it) reconcile again
 */
public record Outcome(Duration next, boolean newArtifact) {

    static Outcome idle() {
        return new Outcome(null, false);
    }
}
