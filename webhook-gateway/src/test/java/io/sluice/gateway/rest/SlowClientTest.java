package io.sluice.gateway.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.sluice.sandbox.cluster.SandboxClusterResource;
import io.sluice.sandbox.kafka.EmbeddedKafkaResource;
import io.sluice.sandbox.testing.PrometheusText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.sluice.gateway.rest.SandboxFixtures.receiver;
import static io.sluice.gateway.rest.SandboxFixtures.serve;
import static io.sluice.gateway.rest.SandboxFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow and greedy clients on real sockets (issue 11): clients that send the headers and stall are answered 408 and
 * cut off after the body timeout, one address gets no more than its share of requests in progress (429 for the
 * rest), and meanwhile another client's webhook is served. Own profile: a 3 s body timeout, 3 requests per address,
 * a 6 s idle timeout.
 */
@QuarkusTest
@TestProfile(SlowClientTest.Limits.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(SandboxClusterResource.class)
class SlowClientTest {

    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(3);
    private static final int PER_ADDRESS = 3;
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(6);

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "sluice.gateway.connections.body-timeout", BODY_TIMEOUT.toSeconds() + "s",
                    "sluice.gateway.connections.max-per-address", Integer.toString(PER_ADDRESS),
                    "quarkus.http.idle-timeout", IDLE_TIMEOUT.toSeconds() + "s",
                    "sluice.gateway.receivers.resync", "1s");
        }
    }

    private final List<RawHttpClient> clients = new ArrayList<>();
    private final ExecutorService readers = Executors.newCachedThreadPool();

    @AfterEach
    void closeClients() throws IOException {
        readers.shutdownNow();
        for (RawHttpClient client : clients) {
            client.close();
        }
    }

    @Test
    void clientsStallingAfterTheirHeadersAreCutOffWhileAnotherClientIsServed() throws Exception {
        String path = serve(receiver(unique("slow"), "generic", null), "slow-token");
        double refusedBefore = clientsCut("too_many_requests");
        double timedOutBefore = clientsCut("body_timeout");

        // Five clients from one address send their headers, announce a body, and stall.
        long sent = System.nanoTime();
        List<Future<Integer>> answers = new ArrayList<>();
        List<RawHttpClient> stalled = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RawHttpClient client = connect("127.0.0.1");
            client.send(RawHttpClient.postHeaders(path, 100));
            stalled.add(client);
            answers.add(readers.submit(() -> client.readStatus(Duration.ofSeconds(60))));
        }

        // Two over the limit are refused at once; three are held, waiting for their bodies.
        await().atMost(Duration.ofSeconds(20)).until(() -> answers.stream().filter(Future::isDone).count() == 5 - PER_ADDRESS);
        List<Future<Integer>> refused = answers.stream().filter(Future::isDone).toList();
        List<Future<Integer>> held = answers.stream().filter(answer -> !answer.isDone()).toList();
        for (Future<Integer> answer : refused) {
            assertThat(answer.get()).as("over the per-address limit").isEqualTo(429);
        }
        assertThat(held).hasSize(PER_ADDRESS);

        // Meanwhile another client's webhook is served.
        RawHttpClient other = connect("127.0.0.2");
        assertThat(held).as("the stalled clients are still held when the other client sends").noneMatch(Future::isDone);
        other.send(RawHttpClient.postHeaders(path, 2) + "{}");
        assertThat(other.readStatus(Duration.ofSeconds(30))).isEqualTo(202);

        // The stalled ones are answered 408 once the body timeout has passed, and their connections closed.
        for (Future<Integer> answer : held) {
            assertThat(answer.get(30, TimeUnit.SECONDS)).as("stalled after the headers").isEqualTo(408);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(BODY_TIMEOUT);
        for (RawHttpClient client : stalled) {
            assertThat(client.closedByServerWithin(Duration.ofSeconds(10))).as("connection closed by the gateway").isTrue();
        }

        // Their slots are free again: the same address is served.
        RawHttpClient again = connect("127.0.0.1");
        again.send(RawHttpClient.postHeaders(path, 2) + "{}");
        assertThat(again.readStatus(Duration.ofSeconds(30))).isEqualTo(202);

        assertThat(clientsCut("too_many_requests") - refusedBefore).isEqualTo(5 - PER_ADDRESS);
        assertThat(clientsCut("body_timeout") - timedOutBefore).isEqualTo(PER_ADDRESS);
    }

    @Test
    void clientsThatHangUpBeforeTheAnswerDoNotKeepTheirAddressSlots() throws Exception {
        String path = serve(receiver(unique("hang-up"), "generic", null), "hang-up-token");
        for (int i = 0; i < PER_ADDRESS + 2; i++) {
            RawHttpClient impatient = connect("127.0.0.5");
            impatient.send(RawHttpClient.postHeaders(path, 2) + "{}");
            impatient.close(); // gone while the gateway waits for Kafka
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            RawHttpClient patient = connect("127.0.0.5");
            patient.send(RawHttpClient.postHeaders(path, 2) + "{}");
            assertThat(patient.readStatus(Duration.ofSeconds(30))).as("the address's slots were given back").isEqualTo(202);
        });
    }

    @Test
    void aClientPreferringHttp2IsServedInHttp11() throws Exception {
        String path = serve(receiver(unique("h2c"), "generic", null), "h2c-token");
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

        HttpResponse<String> answer = http2.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    @Test
    void aClientTricklingItsBodyIsCutOffAtTheBodyTimeoutThoughItIsNeverIdle() throws Exception {
        String path = serve(receiver(unique("trickle"), "generic-hmac", null), "trickle-token");
        RawHttpClient slow = connect("127.0.0.3");
        long sent = System.nanoTime();
        slow.send(RawHttpClient.postHeaders(path, 1000));
        // One byte every 250 ms: 1,000 bytes would take 250 s, and the connection is never idle for 6 s.
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try {
            // once the gateway has closed the connection, send throws and the ticker stops
            ticker.scheduleAtFixedRate(() -> slow.send(" "), 250, 250, TimeUnit.MILLISECONDS);
            assertThat(slow.readStatus(Duration.ofSeconds(60))).isEqualTo(408);
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(BODY_TIMEOUT).isLessThan(Duration.ofSeconds(60));
            assertThat(slow.closedByServerWithin(Duration.ofSeconds(10))).isTrue();
        } finally {
            ticker.shutdownNow();
        }
    }

    @Test
    void aConnectionStallingInItsHeadersIsClosedByTheIdleTimeout() throws Exception {
        RawHttpClient stalled = connect("127.0.0.4");
        long sent = System.nanoTime();
        stalled.send("POST /hook/anything HTTP/1.1\r\nHost: localhost\r\n");
        assertThat(stalled.closedByServerWithin(Duration.ofSeconds(60))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(IDLE_TIMEOUT.minusMillis(500));
    }

    private RawHttpClient connect(String localAddress) {
        RawHttpClient client = RawHttpClient.connect(localAddress, RestAssured.port);
        clients.add(client);
        return client;
    }

    /** {@code sluice_webhook_requests_total{result, type="unknown"}} as Prometheus reads it; 0 before the first count. */
    private static double clientsCut(String result) {
        return PrometheusText.sample(PrometheusText.scrape(), "sluice_webhook_requests_total", "result", result, "type", "unknown").orElse(0.0);
    }
}
