package io.sluice.apply.reconcile;

import io.sluice.api.meta.Reasons;
import io.sluice.apply.ssa.ApplyException;

/**
 * The Ready=False reason of each way the cluster side of a run can stop, in kustomize-controller's words. One
 * exhaustive switch: a new {@link ApplyException.Phase} does not compile until someone decides how it is reported.
 */
final class FailureReasons {

    private FailureReasons() {
    }

    static String of(ApplyException.Phase phase) {
        return switch (phase) {
            // Flux reports any failure of its staged apply (dry run, write, waiting for CRDs and Namespaces) as this
            case VALIDATION, APPLY, WAIT -> Reasons.RECONCILIATION_FAILED;
            case PRUNE -> Reasons.PRUNE_FAILED;
        };
    }
}
