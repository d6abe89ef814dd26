package io.sluice.rollout.analysis;

import io.sluice.api.flagger.CanaryStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The state written into a Canary's status as Flagger writes it, and read back unchanged. */
class CanaryStatusesTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.250Z");

    @Test
    void writesFlaggersFieldsAndReadsThemBack() {
        RolloutState state = new RolloutState(CanaryPhase.PROGRESSING, 20, 1, 0, "rev2", "rev1", Instant.parse("2024-05-01T10:00:00Z"),
                Promoted.pending("Progressing", "New revision detected, progressing canary analysis."));
        CanaryStatus status = new CanaryStatus();

        CanaryStatuses.write(state, status, T0);

        assertThat(status.getPhase()).isEqualTo("Progressing");
        assertThat(status.getCanaryWeight()).isEqualTo(20);
        assertThat(status.getFailedChecks()).isEqualTo(1);
        assertThat(status.getLastAppliedSpec()).isEqualTo("rev2");
        assertThat(status.getLastPromotedSpec()).isEqualTo("rev1");
        assertThat(status.getLastTransitionTime()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(status.getConditions()).singleElement().satisfies(condition -> {
            assertThat(condition.getType()).isEqualTo("Promoted");
            assertThat(condition.getStatus()).isEqualTo("Unknown");
            assertThat(condition.getReason()).isEqualTo("Progressing");
            assertThat(condition.getLastTransitionTime()).isEqualTo("2024-05-01T10:00:00Z");
        });
        assertThat(CanaryStatuses.read(status)).isEqualTo(state);
    }

    @Test
    void theConditionsTransitionTimeMovesOnlyWithItsStatus() {
        CanaryStatus status = new CanaryStatus();
        CanaryStatuses.write(RolloutState.initial().withCondition(Promoted.pending("Progressing", "step 1")), status, T0);

        CanaryStatuses.write(RolloutState.initial().withCondition(Promoted.pending("Progressing", "step 2")), status, T0.plusSeconds(60));
        assertThat(status.getConditions().get(0).getLastTransitionTime()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(status.getConditions().get(0).getLastUpdateTime()).isEqualTo("2024-05-01T10:01:00Z");

        CanaryStatuses.write(RolloutState.initial().withCondition(Promoted.holds("Succeeded", "done")), status, T0.plusSeconds(120));
        assertThat(status.getConditions()).singleElement().satisfies(condition -> {
            assertThat(condition.getStatus()).isEqualTo("True");
            assertThat(condition.getLastTransitionTime()).isEqualTo("2024-05-01T10:02:00Z");
        });
    }

    @Test
    void aStatusNeverWrittenIsTheInitialState() {
        assertThat(CanaryStatuses.read(null)).isEqualTo(RolloutState.initial());
        assertThat(CanaryStatuses.read(new CanaryStatus())).isEqualTo(RolloutState.initial());
    }
}
