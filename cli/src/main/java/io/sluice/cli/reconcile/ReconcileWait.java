package io.sluice.cli.reconcile;

import io.sluice.cli.flux.FluxObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a requested reconcile has visibly happened, judged from the object's status:
 * <ul>
 *   <li>{@code status.lastHandledReconcileAt} is the requested time or later (Flux's signal), or</li>
 *   <li>the Ready condition changed at or after the request (its time has whole seconds, so the request's second
 *       counts), or</li>
 *   <li>for a Kustomization, its {@code status.lastAttemptedRevision} is its source's current revision: render-service
 *       does not write a status when a render gives what it published before, so "already at the source's revision"
 *       is the result a reconcile would have;</li>
 * </ul>
 * and Ready is no longer Unknown (still reconciling).
 */
final class ReconcileWait {

    private ReconcileWait() {
    }

    /** @param sourceRevision the current artifact revision of a Kustomization's source; empty for other kinds */
    static boolean handled(FluxObject object, Instant requestedAt, Optional<String> sourceRevision) {
        Optional<FluxObject.Ready> ready = object.ready();
        if (ready.isEmpty() || !(ready.get().isTrue() || ready.get().isFalse())) {
            return false;
        }
        boolean marked = object.lastHandledReconcileAt()
                .flatMap(ReconcileWait::parse)
                .map(handled -> !handled.isBefore(requestedAt))
                .orElse(false);
        Instant requestSecond = requestedAt.truncatedTo(ChronoUnit.SECONDS);
        boolean transitioned = ready.get().lastTransitionTime().map(t -> !t.isBefore(requestSecond)).orElse(false);
        boolean atSourceRevision = sourceRevision.isPresent() && !sourceRevision.get().isEmpty()
                && sourceRevision.equals(object.lastAttemptedRevision());
        return marked || transitioned || atSourceRevision;
    }

    private static Optional<Instant> parse(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
