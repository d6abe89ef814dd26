package io.sluice.sandbox.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP to the sandbox API server, for what a typed client hides: answer shapes, Status bodies, headers,
 * requests without or with other credentials.
 */
final class RawApi {

    /** One answer: status code, content type and body. */
    record Answer(int code, String contentType, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;

    private RawApi(SandboxCluster cluster, String authorization) {
        this.http = HttpClient.newBuilder().sslContext(cluster.sslContext()).build();
        this.baseUrl = cluster.masterUrl();
        this.authorization = authorization;
    }

    /** As the sandbox's administrator (its token). */
    static RawApi admin(SandboxCluster cluster) {
        return new RawApi(cluster, "Bearer " + cluster.token());
    }

    /** With this Authorization header, or none when null. */
    static RawApi as(SandboxCluster cluster, String authorization) {
        return new RawApi(cluster, authorization);
    }

    Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
