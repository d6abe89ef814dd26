package io.sluice.rollout.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP server exposing, at /metrics, the Envoy cluster metrics a Gateway API implementation exports for the
 * canary Services it routes to. Each Envoy cluster serves a set number of requests per scrape with the error rate and
 * latency the test chose, so Prometheus sees real counters grow and PromQL's rate() and histogram_quantile() run for real.
 */
public final class EnvoyWorkload implements AutoCloseable {

    /** Histogram bucket bounds in milliseconds, as Envoy's upstream_rq_time has them (abridged). */
    private static final List<Double> BUCKETS = List.of(5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0);
    private static final int REQUESTS_PER_SCRAPE = 200;

    /** What one cluster serves per scrape: percent of 5xx answers and the latency of every request. */
    public record Traffic(int errorPercent, double latencyMillis) {
    }

    private final Map<String, Traffic> traffic = new ConcurrentHashMap<>();
    private final Map<String, long[]> totals = new ConcurrentHashMap<>(); // cluster -> [ok, errors]
    private final HttpServer server;

    public EnvoyWorkload() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** {@code host:port} for Prometheus' scrape config. */
    public String target() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, the cluster {@code <namespace>_<service>-canary_<port>} serves this traffic. */
    public void serve(String envoyCluster, Traffic served) {
        traffic.put(envoyCluster, served);
    }

    private synchronized String scrape() {
        StringBuilder out = new StringBuilder();
        out.append("# TYPE envoy_cluster_upstream_rq counter\n");
        traffic.forEach((cluster, served) -> {
            long[] total = totals.computeIfAbsent(cluster, c -> new long[2]);
            long errors = REQUESTS_PER_SCRAPE * served.errorPercent() / 100;
            total[0] += REQUESTS_PER_SCRAPE - errors;
            total[1] += errors;
            out.append("envoy_cluster_upstream_rq{envoy_cluster_name=\"").append(cluster).append("\",envoy_response_code=\"200\"} ")
                    .append(total[0]).append('\n');
            out.append("envoy_cluster_upstream_rq{envoy_cluster_name=\"").append(cluster).append("\",envoy_response_code=\"503\"} ")
                    .append(total[1]).append('\n');
        });
        out.append("# TYPE envoy_cluster_upstream_rq_time histogram\n");
        traffic.forEach((cluster, served) -> {
            long count = totals.get(cluster)[0] + totals.get(cluster)[1];
            for (double bound : BUCKETS) {
                // every request so far took the current latency: a simplification the p99 reads back exactly enough
                long inBucket = served.latencyMillis() <= bound ? count : 0;
                out.append("envoy_cluster_upstream_rq_time_bucket{envoy_cluster_name=\"").append(cluster).append("\",le=\"")
                        .append(bound).append("\"} ").append(inBucket).append('\n');
            }
            out.append("envoy_cluster_upstream_rq_time_bucket{envoy_cluster_name=\"").append(cluster).append("\",le=\"+Inf\"} ")
                    .append(count).append('\n');
            out.append("envoy_cluster_upstream_rq_time_count{envoy_cluster_name=\"").append(cluster).append("\"} ").append(count).append('\n');
        });
        return out.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
