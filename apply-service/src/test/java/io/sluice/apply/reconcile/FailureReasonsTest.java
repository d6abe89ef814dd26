package io.sluice.apply.reconcile;

import io.sluice.apply.ssa.ApplyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each phase an apply can stop in, and the reason the Ready condition gets (Flux's). */
class FailureReasonsTest {

    @Test
    void aRefusedDryRunAWriteOrDefinitionsNotReadyAreReconciliationFailed() {
        assertThat(FailureReasons.of(ApplyException.Phase.VALIDATION)).isEqualTo("ReconciliationFailed");
        assertThat(FailureReasons.of(ApplyException.Phase.APPLY)).isEqualTo("ReconciliationFailed");
        assertThat(FailureReasons.of(ApplyException.Phase.WAIT)).isEqualTo("ReconciliationFailed");
    }

    @Test
    void aRefusedDeleteIsPruneFailed() {
        assertThat(FailureReasons.of(ApplyException.Phase.PRUNE)).isEqualTo("PruneFailed");
    }
}
