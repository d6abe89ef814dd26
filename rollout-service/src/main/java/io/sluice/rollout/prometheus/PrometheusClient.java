package io.sluice.rollout.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Prometheus' HTTP API, {@code GET /api/v1/query}: one instant query, its first value. An error answer (400 bad_data,
 * 422 execution, 503 timeout) becomes a {@link PrometheusException} carrying Prometheus' own error text.
 */
public class PrometheusClient implements MetricSource {

    public static final String UNREACHABLE = "PrometheusUnreachable";
    public static final String REJECTED = "QueryRejected";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    public PrometheusClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public QueryResult query(URI address, String promql) throws PrometheusException {
        URI uri = URI.create(withoutTrailingSlash(address.toString()) + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PrometheusException(UNREACHABLE, "Prometheus at " + address + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new PrometheusException(UNREACHABLE, "Prometheus at " + address + " unreachable: connection refused", e);
        } catch (IOException e) {
            throw new PrometheusException(UNREACHABLE, "Prometheus at " + address + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusException(UNREACHABLE, "interrupted while asking Prometheus at " + address, e);
        }
        return parse(address, response);
    }

    private static QueryResult parse(URI address, HttpResponse<String> response) throws PrometheusException {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new PrometheusException(REJECTED, "Prometheus at " + address + " answered HTTP " + response.statusCode()
                    + " with a body that is not Prometheus JSON", e);
        }
        if (!"success".equals(body.path("status").asText())) {
            throw new PrometheusException(REJECTED, "Prometheus at " + address + " rejected the query (HTTP " + response.statusCode()
                    + ", " + body.path("errorType").asText("unknown") + "): " + body.path("error").asText("no error text"));
        }
        JsonNode data = body.path("data");
        JsonNode sample = switch (data.path("resultType").asText()) {
            case "vector" -> data.path("result").path(0).path("value");
            case "scalar" -> data.path("result");
            default -> throw new PrometheusException(REJECTED, "the query at " + address + " returned a "
                    + data.path("resultType").asText() + "; a check needs a scalar or an instant vector");
        };
        if (sample.isMissingNode() || sample.size() < 2) {
            return new QueryResult.NoValues();
        }
        double value = Double.parseDouble(sample.get(1).asText()); // Prometheus writes sample values as strings, "NaN" included
        return Double.isNaN(value) ? new QueryResult.NoValues() : new QueryResult.Value(value);
    }

    private static String withoutTrailingSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
