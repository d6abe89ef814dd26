package io.sluice.rollout.metrics;

import io.sluice.api.flagger.CanaryMetric;
import io.sluice.api.flagger.ThresholdRange;
import io.sluice.rollout.analysis.CheckResult;
import io.sluice.rollout.analysis.Values;
import io.sluice.rollout.prometheus.QueryResult;

/**
 * Judges a query's result against the metric's {@code thresholdRange}: a value below {@code min} or above {@code max}
 * fails, and so does no value at all, because then nothing shows the canary is healthy.
 */
public final class ThresholdCheck {

    private ThresholdCheck() {
    }

    public static CheckResult evaluate(CanaryMetric metric, QueryResult result) {
        String name = metric.getName();
        if (result instanceof QueryResult.Value value) {
            return judge(metric, value.value());
        }
        return new CheckResult.NoValues(name, "no values for " + name + ": the canary receives no traffic, or the query selects no series");
    }

    private static CheckResult judge(CanaryMetric metric, double value) {
        ThresholdRange range = metric.getThresholdRange();
        Double min = range == null ? null : range.getMin();
        Double max = range == null ? null : range.getMax();
        if (min == null && max == null && metric.getThreshold() != null) {
            min = metric.getThreshold(); // the deprecated single bound of Flagger v1alpha3 was a minimum
        }
        String name = metric.getName();
        if (min != null && value < min) {
            return new CheckResult.OutOfRange(name, value, name + " " + Values.format(value) + " < " + Values.format(min));
        }
        if (max != null && value > max) {
            return new CheckResult.OutOfRange(name, value, name + " " + Values.format(value) + " > " + Values.format(max));
        }
        return new CheckResult.Passed(name, value);
    }
}
