package io.sluice.rollout.metrics;

import io.sluice.api.flagger.Canary;
import io.sluice.api.flagger.MetricTemplate;
import io.sluice.api.meta.ObjectKey;
import io.sluice.rollout.testing.Canaries;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricQueriesTest {

    private static final URI DEFAULT = URI.create("http://prometheus.monitoring:9090");

    private final Canary canary = Canaries.podinfo();
    private final Map<ObjectKey, MetricTemplate> templates = new java.util.HashMap<>();
    private final MetricQueries queries = new MetricQueries(DEFAULT, key -> Optional.ofNullable(templates.get(key)));

    @Test
    void builtinSuccessRateSelectsTheCanaryClusterOverTheMetricsInterval() throws MetricCheckException {
        MetricQuery query = queries.resolve(canary, Canaries.builtin("request-success-rate", 99.0, null, "30s"));

        assertThat(query.address()).isEqualTo(DEFAULT);
        assertThat(query.promql()).contains("envoy_cluster_name=~\"test_podinfo-canary_[0-9a-zA-Z-]+\"")
                .contains("envoy_response_code!~\"5.*\"").contains("[30s]").doesNotContain("{{");
    }

    @Test
    void builtinDurationIsTheP99AndTheCanaryMayNameItsPrometheus() throws MetricCheckException {
        canary.getSpec().setMetricsServer("http://prom.other:9090");

        MetricQuery query = queries.resolve(canary, Canaries.builtin("request-duration", null, 500.0, null));

        assertThat(query.address()).isEqualTo(URI.create("http://prom.other:9090"));
        assertThat(query.promql()).startsWith("histogram_quantile(0.99,").contains("envoy_cluster_upstream_rq_time_bucket").contains("[1m]");
    }

    @Test
    void aMetricTemplateGivesItsQueryAndAddress() throws MetricCheckException {
        templates.put(ObjectKey.of("MetricTemplate", "flagger-system", "error-rate"),
                Canaries.metricTemplate("prometheus", "http://prom.flagger:9090", "rate(errors{ns=\"{{ namespace }}\",d=\"{{ variables.direction }}\"}[{{ interval }}])"));

        MetricQuery query = queries.resolve(canary, Canaries.fromTemplate("error-rate", "error-rate", "flagger-system",
                Map.of("direction", "inbound"), null, 1.0));

        assertThat(query.address()).isEqualTo(URI.create("http://prom.flagger:9090"));
        assertThat(query.promql()).isEqualTo("rate(errors{ns=\"test\",d=\"inbound\"}[1m])");
    }

    @Test
    void badMetricsAreErrorsWithAReason() {
        assertThatThrownBy(() -> queries.resolve(canary, Canaries.builtin("error-budget", null, 1.0, "1m")))
                .hasMessageContaining("metric error-budget is not built in (request-success-rate, request-duration) and has no templateRef")
                .extracting(e -> ((MetricCheckException) e).reason()).isEqualTo(MetricCheckException.UNKNOWN_METRIC);

        assertThatThrownBy(() -> queries.resolve(canary, Canaries.fromTemplate("latency", "latency", null, Map.of(), null, 1.0)))
                .hasMessageContaining("MetricTemplate test/latency not found")
                .extracting(e -> ((MetricCheckException) e).reason()).isEqualTo(MetricCheckException.TEMPLATE_NOT_FOUND);

        templates.put(ObjectKey.of("MetricTemplate", "test", "datadog"), Canaries.metricTemplate("datadog", null, "avg:x{*}"));
        assertThatThrownBy(() -> queries.resolve(canary, Canaries.fromTemplate("dd", "datadog", null, Map.of(), null, 1.0)))
                .hasMessageContaining("has provider type datadog; Sluice queries prometheus");
    }
}
