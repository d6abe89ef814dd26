package io.sluice.rollout.metrics;

import io.sluice.api.flagger.Canary;
import io.sluice.api.flagger.MetricTemplate;
import io.sluice.api.meta.ObjectKey;
import io.sluice.rollout.analysis.CheckResult;
import io.sluice.rollout.prometheus.PrometheusClient;
import io.sluice.rollout.testing.Canaries;
import io.sluice.rollout.testing.EnvoyWorkload;
import io.sluice.rollout.testing.RealPrometheus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built-in metrics and a MetricTemplate checked against a real Prometheus scraping a workload whose error rate and
 * latency the test sets: one Envoy cluster per namespace, healthy (0 % errors, 20 ms) and broken (5 % errors, 800 ms).
 */
class MetricChecksPrometheusTest {

    private static EnvoyWorkload workload;
    private static RealPrometheus prometheus;
    private static final Map<ObjectKey, MetricTemplate> TEMPLATES = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        workload = new EnvoyWorkload();
        workload.serve("healthy_podinfo-canary_9898", new EnvoyWorkload.Traffic(0, 20));
        workload.serve("broken_podinfo-canary_9898", new EnvoyWorkload.Traffic(5, 800));
        prometheus = RealPrometheus.scraping(workload.target());
        // rate() needs two samples in its window: wait until the healthy canary has a success rate.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                checks().run(canary("healthy")).get(0).passed());
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        workload.close();
    }

    @Test
    void aHealthyCanaryPassesBothBuiltinChecks() {
        List<CheckResult> results = checks().run(canary("healthy"));

        assertThat(results).hasSize(2).allMatch(CheckResult::passed);
        assertThat(((CheckResult.Passed) results.get(0)).value()).isEqualTo(100.0);
        assertThat(((CheckResult.Passed) results.get(1)).value()).isBetween(10.0, 25.0);
    }

    @Test
    void aCanaryWith5PercentErrorsAndSlowAnswersFailsBoth() {
        List<CheckResult> results = checks().run(canary("broken"));

        assertThat(results).hasSize(2).noneMatch(CheckResult::passed);
        assertThat(results.get(0)).isInstanceOf(CheckResult.OutOfRange.class);
        assertThat(((CheckResult.OutOfRange) results.get(0)).value()).isCloseTo(95.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(results.get(0).message()).isEqualTo("request-success-rate 95 < 99");
        assertThat(results.get(1).message()).startsWith("request-duration ").endsWith(" > 500");
    }

    @Test
    void aCanaryWithoutTrafficHasNoValues() {
        List<CheckResult> results = checks().run(canary("idle"));

        assertThat(results).allSatisfy(result -> {
            assertThat(result).isInstanceOf(CheckResult.NoValues.class);
            assertThat(result.message()).contains("the canary receives no traffic");
        });
    }

    @Test
    void aMetricTemplateWithVariablesRunsForReal() {
        TEMPLATES.put(ObjectKey.of("MetricTemplate", "healthy", "requests"), Canaries.metricTemplate("prometheus", prometheus.address().toString(),
                "sum(rate(envoy_cluster_upstream_rq{envoy_cluster_name=~\"{{ namespace }}_{{ target }}-canary_.*\",envoy_response_code=\"{{ variables.code }}\"}[{{ interval }}]))"));
        Canary canary = canary("healthy");
        canary.getSpec().getAnalysis().setMetrics(List.of(
                Canaries.fromTemplate("ok-per-second", "requests", null, Map.of("code", "200"), 1.0, null)));

        List<CheckResult> results = checks().run(canary);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.passed()).as(result.message()).isTrue();
            assertThat(((CheckResult.Passed) result).value()).isGreaterThan(1.0);
        });
    }

    @Test
    void aMalformedTemplateQueryIsAFailedCheckWithPrometheusMessage() {
        TEMPLATES.put(ObjectKey.of("MetricTemplate", "healthy", "broken-query"), Canaries.metricTemplate("prometheus", prometheus.address().toString(),
                "sum(rate(envoy_cluster_upstream_rq[{{ interval }}])"));
        Canary canary = canary("healthy");
        canary.getSpec().getAnalysis().setMetrics(List.of(Canaries.fromTemplate("broken", "broken-query", null, Map.of(), 1.0, null)));

        assertThat(checks().run(canary)).singleElement().satisfies(result -> {
            assertThat(result).isInstanceOf(CheckResult.QueryFailed.class);
            assertThat(((CheckResult.QueryFailed) result).reason()).isEqualTo(PrometheusClient.REJECTED);
            assertThat(result.message()).contains("metric broken:").contains("parse error");
        });
    }

    @Test
    void anUnreachablePrometheusIsAFailedCheckThatSaysSo() throws Exception {
        Canary canary = canary("healthy");
        canary.getSpec().setMetricsServer("http://127.0.0.1:" + RealPrometheus.freePort());

        assertThat(checks().run(canary)).hasSize(2).allSatisfy(result -> {
            assertThat(result).isInstanceOf(CheckResult.QueryFailed.class);
            assertThat(((CheckResult.QueryFailed) result).reason()).isEqualTo(PrometheusClient.UNREACHABLE);
            assertThat(result.message()).contains("unreachable");
        });
    }

    private static MetricChecks checks() {
        return new MetricChecks(new MetricQueries(prometheus.address(), key -> Optional.ofNullable(TEMPLATES.get(key))),
                new PrometheusClient(Duration.ofSeconds(5)));
    }

    /** podinfo in {@code namespace}, checking both built-in metrics over a 10 s window. */
    private static Canary canary(String namespace) {
        Canary canary = Canaries.podinfo();
        canary.getMetadata().setNamespace(namespace);
        canary.getSpec().getAnalysis().setMetrics(List.of(
                Canaries.builtin("request-success-rate", 99.0, null, "10s"),
                Canaries.builtin("request-duration", null, 500.0, "10s")));
        return canary;
    }
}
