package io.sluice.api.meta;

import io.fabric8.kubernetes.api.model.Condition;
import io.sluice.api.kustomize.KustomizationStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionsTest {

    private static final Instant T0 = Instant.parse("2024-01-01T10:00:00.750Z");
    private static final Instant T1 = Instant.parse("2024-01-01T10:05:00Z");
    private static final Instant T2 = Instant.parse("2024-01-01T10:09:00Z");

    @Test
    void addsANewConditionWithTheTimeInWholeSecondsAndTheGeneration() {
        KustomizationStatus status = new KustomizationStatus();

        Condition ready = Conditions.markUnknown(status, 3, ConditionTypes.READY, Reasons.PROGRESSING, "Reconciliation in progress", T0);

        assertThat(status.getConditions()).containsExactly(ready);
        assertThat(ready.getType()).isEqualTo("Ready");
        assertThat(ready.getStatus()).isEqualTo("Unknown");
        assertThat(ready.getReason()).isEqualTo("Progressing");
        assertThat(ready.getMessage()).isEqualTo("Reconciliation in progress");
        assertThat(ready.getObservedGeneration()).isEqualTo(3L);
        assertThat(ready.getLastTransitionTime()).isEqualTo("2024-01-01T10:00:00Z");
        // observedGeneration of the status is the reconciler's to set when it is done
        assertThat(status.getObservedGeneration()).isNull();
    }

    @Test
    void keepsTheTransitionTimeWhileTheStatusStaysTheSame() {
        KustomizationStatus status = new KustomizationStatus();
        Conditions.markFalse(status, 1, ConditionTypes.READY, Reasons.BUILD_FAILED, "kustomize build failed", T0);

        Condition again = Conditions.markFalse(status, 2, ConditionTypes.READY, Reasons.HEALTH_CHECK_FAILED, "timeout waiting for Deployment", T1);

        assertThat(status.getConditions()).hasSize(1);
        assertThat(again.getLastTransitionTime()).isEqualTo("2024-01-01T10:00:00Z");
        assertThat(again.getReason()).isEqualTo("HealthCheckFailed");
        assertThat(again.getMessage()).isEqualTo("timeout waiting for Deployment");
        assertThat(again.getObservedGeneration()).isEqualTo(2L);
    }

    @Test
    void movesTheTransitionTimeWhenTheStatusChanges() {
        KustomizationStatus status = new KustomizationStatus();
        Conditions.markFalse(status, 1, ConditionTypes.READY, Reasons.BUILD_FAILED, "kustomize build failed", T0);

        Condition ready = Conditions.markTrue(status, 1, ConditionTypes.READY, Reasons.RECONCILIATION_SUCCEEDED, "Applied revision: main@sha1:abc", T1);

        assertThat(ready.getLastTransitionTime()).isEqualTo("2024-01-01T10:05:00Z");
        assertThat(Conditions.isTrue(status, ConditionTypes.READY)).isTrue();
        assertThat(Conditions.isFalse(status, ConditionTypes.READY)).isFalse();
    }

    @Test
    void replacesInPlaceAndAppendsNewTypes() {
        KustomizationStatus status = new KustomizationStatus();
        Conditions.markTrue(status, 1, ConditionTypes.RECONCILING, Reasons.PROGRESSING, "", T0);
        Conditions.markUnknown(status, 1, ConditionTypes.READY, Reasons.PROGRESSING, "", T0);
        Conditions.markTrue(status, 1, ConditionTypes.HEALTHY, Reasons.SUCCEEDED, "", T1);

        Conditions.markFalse(status, 1, ConditionTypes.RECONCILING, Reasons.SUCCEEDED, "done", T2);

        assertThat(status.getConditions()).extracting(Condition::getType).containsExactly("Reconciling", "Ready", "Healthy");
        assertThat(Conditions.get(status, ConditionTypes.RECONCILING).orElseThrow().getMessage()).isEqualTo("done");
    }

    @Test
    void deletesACondition() {
        KustomizationStatus status = new KustomizationStatus();
        Conditions.markTrue(status, 1, ConditionTypes.RECONCILING, Reasons.PROGRESSING, "", T0);
        Conditions.markTrue(status, 1, ConditionTypes.READY, Reasons.SUCCEEDED, "", T0);

        assertThat(Conditions.delete(status, ConditionTypes.RECONCILING)).isTrue();
        assertThat(Conditions.delete(status, ConditionTypes.STALLED)).isFalse();
        assertThat(status.getConditions()).extracting(Condition::getType).containsExactly("Ready");
        assertThat(Conditions.delete(new KustomizationStatus(), ConditionTypes.READY)).isFalse();
    }

    @Test
    void readsAStatusWithoutConditions() {
        KustomizationStatus status = new KustomizationStatus();

        assertThat(Conditions.get(status, ConditionTypes.READY)).isEmpty();
        assertThat(Conditions.isTrue(status, ConditionTypes.READY)).isFalse();
        assertThat(Conditions.isFalse(status, ConditionTypes.READY)).isFalse();
        assertThat(Conditions.isReadyFor(status, 1)).isFalse();
    }

    @Test
    void readyForAnOlderGenerationIsNotReadyForTheCurrentOne() {
        KustomizationStatus status = new KustomizationStatus();
        Conditions.markTrue(status, 4, ConditionTypes.READY, Reasons.SUCCEEDED, "", T0);

        assertThat(Conditions.isReadyFor(status, 4)).isTrue();
        assertThat(Conditions.isReadyFor(status, 5)).isFalse();
    }

    @Test
    void rejectsWhatMetav1ConditionDoesNotAllow() {
        KustomizationStatus status = new KustomizationStatus();

        assertThatThrownBy(() -> Conditions.set(status, 1, "Ready", "Yes", Reasons.SUCCEEDED, "", T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("condition Ready has status 'Yes'; it must be True, False or Unknown");
        assertThatThrownBy(() -> Conditions.set(status, 1, "Ready", "True", " ", "", T0))
                .hasMessageContaining("condition Ready has no reason");
        assertThatThrownBy(() -> Conditions.set(status, 1, "", "True", Reasons.SUCCEEDED, "", T0))
                .hasMessageContaining("condition type is empty");
        assertThat(status.getConditions()).isNull();
    }

    @Test
    void aMissingMessageIsWrittenAsEmpty() {
        KustomizationStatus status = new KustomizationStatus();

        assertThat(Conditions.markTrue(status, 1, "Ready", Reasons.SUCCEEDED, null, T0).getMessage()).isEmpty();
    }
}
