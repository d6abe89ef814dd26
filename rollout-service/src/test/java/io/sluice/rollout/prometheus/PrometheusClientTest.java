package io.sluice.rollout.prometheus;

import io.sluice.rollout.testing.RealPrometheus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a real Prometheus: values, empty answers, NaN, Prometheus' own errors, a closed port. */
class PrometheusClientTest {

    private static RealPrometheus prometheus;
    private final PrometheusClient client = new PrometheusClient(Duration.ofSeconds(5));

    @BeforeAll
    static void start() throws Exception {
        // These queries need no scraped series: the scrape target is a port nobody listens on.
        prometheus = RealPrometheus.scraping("127.0.0.1:" + RealPrometheus.freePort());
    }

    @AfterAll
    static void stop() throws Exception {
        prometheus.close();
    }

    @Test
    void aScalarAndAVectorGiveTheirValue() throws PrometheusException {
        assertThat(client.query(prometheus.address(), "1 + 1")).isEqualTo(new QueryResult.Value(2));
        assertThat(client.query(prometheus.address(), "vector(42.5)")).isEqualTo(new QueryResult.Value(42.5));
    }

    @Test
    void anEmptyVectorAndNaNAreNoValues() throws PrometheusException {
        assertThat(client.query(prometheus.address(), "envoy_cluster_upstream_rq{envoy_cluster_name=\"nobody\"}"))
                .isEqualTo(new QueryResult.NoValues());
        assertThat(client.query(prometheus.address(), "vector(0) / vector(0)")).isEqualTo(new QueryResult.NoValues());
    }

    @Test
    void aMalformedQueryIsRejectedWithPrometheusOwnMessage() {
        assertThatThrownBy(() -> client.query(prometheus.address(), "sum(rate(envoy_cluster_upstream_rq[1m])"))
                .isInstanceOf(PrometheusException.class)
                .hasMessageContaining("rejected the query (HTTP 400, bad_data)")
                .hasMessageContaining("parse error")
                .extracting(e -> ((PrometheusException) e).reason()).isEqualTo(PrometheusClient.REJECTED);
    }

    @Test
    void aRangeVectorIsNotACheckValue() {
        assertThatThrownBy(() -> client.query(prometheus.address(), "up[1m]"))
                .hasMessageContaining("returned a matrix; a check needs a scalar or an instant vector");
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + RealPrometheus.freePort());

        assertThatThrownBy(() -> client.query(nobody, "1"))
                .isInstanceOf(PrometheusException.class)
                .hasMessageContaining("Prometheus at " + nobody + " unreachable")
                .extracting(e -> ((PrometheusException) e).reason()).isEqualTo(PrometheusClient.UNREACHABLE);
    }
}
