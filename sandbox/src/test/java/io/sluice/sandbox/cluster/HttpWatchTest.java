package io.sluice.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Watches over plain HTTP, as kubectl ({@code get -w}) and client-go make them: a chunked answer of JSON lines that
 * stays open, from a resourceVersion or with the current objects first, ended by the server at
 * {@code timeoutSeconds}, and a 410 ERROR event for a resourceVersion older than the history kept.
 */
class HttpWatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SandboxCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start();
        client = cluster.client();
        client.resource(new NamespaceBuilder().withNewMetadata().withName("watched").endMetadata().build()).create();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withNamespace("watched").withName(name)
                .withLabels(Map.of("app", "w")).endMetadata().withData(Map.of("v", value)).build();
    }

    /** Opens a watch and hands its lines, as parsed events, to a queue. */
    private static HttpResponse<java.io.InputStream> open(String query, BlockingQueue<JsonNode> events) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.masterUrl()
                + "/api/v1/namespaces/watched/configmaps?" + query)).header("Authorization", "Bearer " + cluster.token())
                .build();
        HttpResponse<java.io.InputStream> response = HttpClient.newBuilder().sslContext(cluster.sslContext()).build().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    events.add(JSON.readTree(line));
                }
                events.add(JSON.createObjectNode().put("type", "END"));
            } catch (Exception e) {
                events.add(JSON.createObjectNode().put("type", "END"));
            }
        });
        reader.setDaemon(true);
        reader.start();
        return response;
    }

    private static String describe(JsonNode event) {
        JsonNode object = event.path("object");
        return event.path("type").asText() + " " + object.path("metadata").path("name").asText()
                + (object.path("data").has("v") ? "=" + object.path("data").path("v").asText() : "");
    }

    @Test
    void aWatchStreamsTheCurrentObjectsThenEveryChangeAsJsonLines() throws Exception {
        client.resource(configMap("first", "1")).create();
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> response = open("watch=true&labelSelector=app%3Dw", events);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");

        JsonNode added = events.poll(10, TimeUnit.SECONDS);
        assertThat(describe(added)).isEqualTo("ADDED first=1");
        assertThat(added.path("object").path("kind").asText()).as("watch events carry the kind").isEqualTo("ConfigMap");
        client.configMaps().inNamespace("watched").withName("first").edit(c -> {
            c.getData().put("v", "2");
            return c;
        });
        client.configMaps().inNamespace("watched").withName("first").delete();
        assertThat(describe(events.poll(10, TimeUnit.SECONDS))).isEqualTo("MODIFIED first=2");
        assertThat(describe(events.poll(10, TimeUnit.SECONDS))).isEqualTo("DELETED first=2");
        response.body().close();
    }

    @Test
    void aWatchFromAResourceVersionReplaysTheChangesAfterItAndEndsAtItsTimeout() throws Exception {
        String from = client.resource(configMap("replayed", "1")).create().getMetadata().getResourceVersion();
        client.configMaps().inNamespace("watched").withName("replayed").edit(c -> {
            c.getData().put("v", "2");
            return c;
        });
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        long started = System.nanoTime();
        open("watch=true&fieldSelector=metadata.name%3Dreplayed&timeoutSeconds=1&resourceVersion=" + from, events);

        List<String> seen = new ArrayList<>();
        for (JsonNode event = events.poll(10, TimeUnit.SECONDS); event != null && !describe(event).startsWith("END");
                event = events.poll(10, TimeUnit.SECONDS)) {
            seen.add(describe(event));
        }
        assertThat(seen).containsExactly("MODIFIED replayed=2");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("ended by the server after timeoutSeconds")
                .isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aResourceVersionOlderThanTheHistoryGetsAnErrorEventWith410() throws Exception {
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> response = open("watch=true&resourceVersion=1", events);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode error = events.poll(10, TimeUnit.SECONDS);
        assertThat(error.path("type").asText()).isEqualTo("ERROR");
        assertThat(error.path("object").path("code").asInt()).isEqualTo(410);
        assertThat(error.path("object").path("reason").asText()).isEqualTo("Expired");
        assertThat(error.path("object").path("message").asText()).startsWith("too old resource version: 1 (");
        assertThat(events.poll(10, TimeUnit.SECONDS).path("type").asText()).as("and the stream ends").isEqualTo("END");
    }

    @Test
    void badWatchOptionsAreRefusedBeforeTheStreamStarts() {
        RawApi api = RawApi.admin(cluster);
        RawApi.Answer timeout = api.get("/api/v1/namespaces/watched/configmaps?watch=true&timeoutSeconds=abc");
        assertThat(timeout.code()).isEqualTo(400);
        assertThat(timeout.json().path("message").asText()).isEqualTo("strconv.ParseInt: parsing \"abc\": invalid syntax");
        RawApi.Answer initialEvents = api.get("/api/v1/namespaces/watched/configmaps?watch=true&sendInitialEvents=true"
                + "&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");
        assertThat(initialEvents.code()).as("v1.28 keeps the WatchList feature off").isEqualTo(422);
        assertThat(RawApi.as(cluster, null).get("/api/v1/namespaces/watched/configmaps?watch=true").code())
                .as("anonymous").isEqualTo(403);
    }
}
