package io.sluice.rollout.metrics;

import java.util.Optional;

/**
 * The two metrics every Canary may name without a MetricTemplate, as queries over the Envoy metrics a Gateway API
 * implementation built on Envoy (Contour, Envoy Gateway) exports, the way Flagger's Gateway API guide measures them.
 * Envoy names the canary Service's cluster {@code <namespace>_<service>-canary_<port>}.
 */
public enum BuiltinMetric {

    /** Percent of the canary's requests not answered 5xx; thresholdRange.min is the usual bound (e.g. 99). */
    REQUEST_SUCCESS_RATE("request-success-rate", """
            sum(rate(envoy_cluster_upstream_rq{envoy_cluster_name=~"{{ namespace }}_{{ target }}-canary_[0-9a-zA-Z-]+",envoy_response_code!~"5.*"}[{{ interval }}]))
            /
            sum(rate(envoy_cluster_upstream_rq{envoy_cluster_name=~"{{ namespace }}_{{ target }}-canary_[0-9a-zA-Z-]+"}[{{ interval }}]))
            * 100"""),
    /** The 99th percentile of the canary's request duration in milliseconds; thresholdRange.max is the usual bound (e.g. 500). */
    REQUEST_DURATION("request-duration", """
            histogram_quantile(0.99,
              sum(rate(envoy_cluster_upstream_rq_time_bucket{envoy_cluster_name=~"{{ namespace }}_{{ target }}-canary_[0-9a-zA-Z-]+"}[{{ interval }}])) by (le))""");

    private final String metricName;
    private final String query;

    BuiltinMetric(String metricName, String query) {
        this.metricName = metricName;
        this.query = query;
    }

    /** The name a Canary's {@code analysis.metrics[].name} uses. */
    public String metricName() {
        return metricName;
    }

    /** The query template, with Flagger's variables. */
    public String query() {
        return query;
    }

    public static Optional<BuiltinMetric> named(String name) {
        for (BuiltinMetric metric : values()) {
            if (metric.metricName.equals(name)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }
}
