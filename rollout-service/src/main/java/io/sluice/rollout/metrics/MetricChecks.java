package io.sluice.rollout.metrics;

import io.sluice.api.flagger.Canary;
import io.sluice.api.flagger.CanaryMetric;
import io.sluice.rollout.analysis.CheckResult;
import io.sluice.rollout.prometheus.MetricSource;
import io.sluice.rollout.prometheus.PrometheusException;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every metric of a Canary's analysis once: resolve the query, ask Prometheus, judge the value. A metric that
 * cannot be resolved or asked is a failed check with its reason, so a broken template or an unreachable Prometheus
 * halts the rollout (and rolls it back at the threshold) instead of waving it through.
 */
public final class MetricChecks {

    private final MetricQueries queries;
    private final MetricSource source;

    public MetricChecks(MetricQueries queries, MetricSource source) {
        this.queries = queries;
        this.source = source;
    }

    public List<CheckResult> run(Canary canary) {
        List<CanaryMetric> metrics = canary.getSpec().getAnalysis().getMetrics();
        List<CheckResult> results = new ArrayList<>();
        for (CanaryMetric metric : metrics == null ? List.<CanaryMetric>of() : metrics) {
            results.add(check(canary, metric));
        }
        return results;
    }

    private CheckResult check(Canary canary, CanaryMetric metric) {
        try {
            MetricQuery query = queries.resolve(canary, metric);
            return ThresholdCheck.evaluate(metric, source.query(query.address(), query.promql()));
        } catch (MetricCheckException e) {
            return new CheckResult.QueryFailed(metric.getName(), e.reason(), e.getMessage());
        } catch (PrometheusException e) {
            return new CheckResult.QueryFailed(metric.getName(), e.reason(), "metric " + metric.getName() + ": " + e.getMessage());
        }
    }
}
