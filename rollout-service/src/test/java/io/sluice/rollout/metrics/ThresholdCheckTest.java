package io.sluice.rollout.metrics;

import io.sluice.rollout.analysis.CheckResult;
import io.sluice.rollout.prometheus.QueryResult;
import io.sluice.rollout.testing.Canaries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdCheckTest {

    @Test
    void valuesAreJudgedAgainstTheRange() {
        var successRate = Canaries.builtin("request-success-rate", 99.0, null, "1m");
        var duration = Canaries.builtin("request-duration", null, 500.0, "1m");

        assertThat(ThresholdCheck.evaluate(successRate, new QueryResult.Value(99.5)).passed()).isTrue();
        assertThat(ThresholdCheck.evaluate(successRate, new QueryResult.Value(99)).passed()).as("bounds are inclusive").isTrue();
        assertThat(ThresholdCheck.evaluate(successRate, new QueryResult.Value(91.0)))
                .isEqualTo(new CheckResult.OutOfRange("request-success-rate", 91.0, "request-success-rate 91 < 99"));
        assertThat(ThresholdCheck.evaluate(duration, new QueryResult.Value(512.345)))
                .isEqualTo(new CheckResult.OutOfRange("request-duration", 512.345, "request-duration 512.35 > 500"));
    }

    @Test
    void noValuesFailsAndSaysTheCanaryReceivesNoTraffic() {
        CheckResult result = ThresholdCheck.evaluate(Canaries.builtin("request-success-rate", 99.0, null, "1m"), new QueryResult.NoValues());

        assertThat(result).isInstanceOf(CheckResult.NoValues.class);
        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("the canary receives no traffic");
    }
}
