package io.sluice.apply.reconcile;

import io.sluice.api.kustomize.KustomizationStatus;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;

import java.util.Objects;

/**
 * How a run applies the desired state. All three go the same path ({@link KustomizationApplyHandler}); they differ in
 * what they show while running and what they report afterwards.
 */
enum RunMode {

    /** A rendering not applied yet: Reconciling while it runs, the result reported with the push that led to it. */
    NEW_RENDERING,
    /** The applied rendering again, for a new spec or while not Ready: Reconciling while it runs, the result reported. */
    REAPPLY,
    /** The applied rendering, Ready for this spec: only what drifted is written, and only that is reported. */
    DRIFT_CHECK,
    /**
     * The applied rendering is the last good one and a newer revision of the source fails to build
     * ({@link FailingRevision}): only what drifted is written and reported, and the status keeps the failure.
     */
    LAST_GOOD;

    /**
     * @param alreadyApplied  the desired rendering is the one applied last ({@link AppliedRenderings})
     * @param appliedRevision its revision
     */
    static RunMode of(KustomizationSettings settings, KustomizationStatus status, boolean alreadyApplied, String appliedRevision) {
        if (!alreadyApplied) {
            return NEW_RENDERING;
        }
        if (FailingRevision.of(status, appliedRevision).isPresent()) {
            return LAST_GOOD;
        }
        boolean steady = Objects.equals(status.getObservedGeneration(), settings.generation())
                && Conditions.isTrue(status, ConditionTypes.READY);
        return steady ? DRIFT_CHECK : REAPPLY;
    }

    /** Whether the run marks the Kustomization Reconciling and reports the result whatever it is (not only changes). */
    boolean full() {
        return this == NEW_RENDERING || this == REAPPLY;
    }
}
