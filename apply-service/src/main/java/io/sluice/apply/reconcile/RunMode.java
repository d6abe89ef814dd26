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
    DRIFT_CHECK;

    /** @param alreadyApplied the desired rendering is the one applied last ({@link AppliedRenderings}) */
    static RunMode of(KustomizationSettings settings, KustomizationStatus status, boolean alreadyApplied) {
        if (!alreadyApplied) {
            return NEW_RENDERING;
        }
        boolean steady = Objects.equals(status.getObservedGeneration(), settings.generation())
                && Conditions.isTrue(status, ConditionTypes.READY);
        return steady ? DRIFT_CHECK : REAPPLY;
    }
}
