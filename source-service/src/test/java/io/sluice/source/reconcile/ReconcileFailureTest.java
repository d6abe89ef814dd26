package io.sluice.source.reconcile;

import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Reasons;
import io.sluice.git.GitFetchException;
import io.sluice.git.GitFetchException.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** How each kind of fetch failure is reported: Flux's reason, FetchFailed, Flux's message prefix. */
class ReconcileFailureTest {

    /** What source-controller writes for each; a failed checkout is GitOperationFailed, credentials refused included. */
    private static final Map<Failure, String> FLUX_REASONS = Map.ofEntries(
            entry(Failure.AUTHENTICATION, Reasons.GIT_OPERATION_FAILED),
            entry(Failure.HOST_KEY_REJECTED, Reasons.GIT_OPERATION_FAILED),
            entry(Failure.UNKNOWN_HOST, Reasons.GIT_OPERATION_FAILED),
            entry(Failure.CONNECTION, Reasons.GIT_OPERATION_FAILED),
            entry(Failure.REF_NOT_FOUND, Reasons.GIT_OPERATION_FAILED),
            entry(Failure.NO_SEMVER_MATCH, Reasons.GIT_OPERATION_FAILED),
            entry(Failure.TIMEOUT, Reasons.GIT_OPERATION_FAILED),
            entry(Failure.INVALID_URL, Reasons.URL_INVALID),
            entry(Failure.INVALID_REF, Reasons.GIT_OPERATION_FAILED),
            entry(Failure.OTHER, Reasons.GIT_OPERATION_FAILED));

    @Test
    void theTableNamesEveryKind() {
        assertThat(FLUX_REASONS.keySet()).isEqualTo(EnumSet.allOf(Failure.class));
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void aFailedFetchIsFetchFailedWithFluxsReasonAndMessage(Failure kind) {
        ReconcileFailure failure = ReconcileFailure.checkoutFailed(new GitFetchException(kind, "what the fetcher says"));

        assertThat(failure.condition()).isEqualTo(ConditionTypes.FETCH_FAILED);
        assertThat(failure.reason()).isEqualTo(FLUX_REASONS.get(kind));
        assertThat(failure.getMessage()).isEqualTo("failed to checkout and determine revision: what the fetcher says");
    }
}
