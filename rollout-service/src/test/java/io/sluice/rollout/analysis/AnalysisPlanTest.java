package io.sluice.rollout.analysis;

import io.sluice.api.flagger.Canary;
import io.sluice.rollout.testing.Canaries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalysisPlanTest {

    @Test
    void stepWeightGoesUpToMaxWeight() {
        AnalysisPlan plan = AnalysisPlan.of(Canaries.podinfo().getSpec());

        assertThat(plan.weights()).containsExactly(10, 20, 30, 40, 50);
        assertThat(plan.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(plan.threshold()).isEqualTo(2);
        assertThat(plan.progressDeadline()).isEqualTo(Duration.ofSeconds(600));
        assertThat(plan.nextWeight(0)).isEqualTo(10);
        assertThat(plan.nextWeight(40)).isEqualTo(50);
        assertThat(plan.nextWeight(50)).isEqualTo(50);
    }

    @Test
    void theLastStepIsCappedAtMaxWeight() {
        Canary canary = Canaries.podinfo();
        canary.getSpec().getAnalysis().setStepWeight(30);

        assertThat(AnalysisPlan.of(canary.getSpec()).weights()).containsExactly(30, 50);
    }

    @Test
    void stepWeightsWinOverStepWeight() {
        Canary canary = Canaries.podinfo();
        canary.getSpec().getAnalysis().setStepWeights(List.of(1, 2, 10, 80));

        AnalysisPlan plan = AnalysisPlan.of(canary.getSpec());
        assertThat(plan.weights()).containsExactly(1, 2, 10, 80);
        assertThat(plan.maxWeight()).isEqualTo(80);
        assertThat(plan.nextWeight(2)).isEqualTo(10);
    }

    @Test
    void iterationsWithoutWeightsIsBlueGreen() {
        Canary canary = Canaries.podinfo();
        canary.getSpec().getAnalysis().setStepWeight(null);
        canary.getSpec().getAnalysis().setMaxWeight(null);
        canary.getSpec().getAnalysis().setIterations(3);

        AnalysisPlan plan = AnalysisPlan.of(canary.getSpec());
        assertThat(plan.blueGreen()).isTrue();
        assertThat(plan.iterations()).isEqualTo(3);
    }

    @Test
    void badSettingsNameTheirField() {
        Canary noTarget = Canaries.podinfo();
        noTarget.getSpec().setTargetRef(null);
        assertThatThrownBy(() -> AnalysisPlan.of(noTarget.getSpec())).isInstanceOf(InvalidCanaryException.class)
                .hasMessageContaining("spec.targetRef.name is required");

        Canary daemonSet = Canaries.podinfo();
        daemonSet.getSpec().getTargetRef().setKind("DaemonSet");
        assertThatThrownBy(() -> AnalysisPlan.of(daemonSet.getSpec())).hasMessageContaining("spec.targetRef.kind DaemonSet is not supported");

        Canary badInterval = Canaries.podinfo();
        badInterval.getSpec().getAnalysis().setInterval("soon");
        assertThatThrownBy(() -> AnalysisPlan.of(badInterval.getSpec())).isInstanceOf(InvalidCanaryException.class)
                .hasMessageContaining("spec.analysis.interval");

        Canary noSteps = Canaries.podinfo();
        noSteps.getSpec().getAnalysis().setStepWeight(null);
        assertThatThrownBy(() -> AnalysisPlan.of(noSteps.getSpec())).hasMessageContaining("needs stepWeight, stepWeights or iterations");

        Canary fallingSteps = Canaries.podinfo();
        fallingSteps.getSpec().getAnalysis().setStepWeights(List.of(10, 5));
        assertThatThrownBy(() -> AnalysisPlan.of(fallingSteps.getSpec())).hasMessageContaining("stepWeights must rise");

        Canary zeroThreshold = Canaries.podinfo();
        zeroThreshold.getSpec().getAnalysis().setThreshold(0);
        assertThatThrownBy(() -> AnalysisPlan.of(zeroThreshold.getSpec())).hasMessageContaining("spec.analysis.threshold must be positive");
    }
}
