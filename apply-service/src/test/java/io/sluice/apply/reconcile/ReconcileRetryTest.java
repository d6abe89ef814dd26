package io.sluice.apply.reconcile;

import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that fails: retried after {@code spec.retryInterval} with Reconciling showing the retry; a spec that cannot
 * be reconciled stalls without retrying.
 */
class ReconcileRetryTest extends ReconcileRunTest {

    @Test
    void failedApplyIsRetriedAfterRetryIntervalAndReconcilingShowsTheRetry() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = create("failing", spec -> spec.setRetryInterval("3s"));

        KustomizationApplyHandler.Outcome outcome = handler.onManifests(rendering(key, configMaps("Bad_Name")));

        assertThat(outcome.next()).isEqualTo(Duration.ofSeconds(3));
        assertThat(condition(key, "Ready")).isEqualTo("False/ReconciliationFailed");
        assertThat(condition(key, "Reconciling")).isEqualTo("True/ProgressingWithRetry");
        assertThat(get(key).getStatus().getLastAttemptedRevision()).isEqualTo(REV);
    }

    @Test
    void invalidTimeoutStallsTheKustomizationWithoutRetrying() {
        KustomizationApplyHandler handler = handler(client());
        ObjectKey key = create("stalled", spec -> spec.setTimeout("soon"));

        KustomizationApplyHandler.Outcome outcome = handler.onManifests(rendering(key, configMaps("stalled-cm")));

        assertThat(outcome.next()).isNull();
        assertThat(condition(key, "Stalled")).isEqualTo("True/InvalidSpec");
        assertThat(condition(key, "Ready")).isEqualTo("False/InvalidSpec");
        assertThat(Conditions.get(get(key).getStatus(), "Ready").orElseThrow().getMessage()).contains("spec.timeout").contains("soon");
        assertThat(get(key).getStatus().getObservedGeneration()).isEqualTo(get(key).getMetadata().getGeneration());
        assertThat(configMap("stalled-cm")).isNull();
    }
}
