package io.sluice.sandbox.cluster;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox's HTTP front end: several event loops on one port. */
class SandboxHttpServerTest {

    /** Answers /slow only once /fast has been answered: on a single event loop /slow would block /fast for ever. */
    private static final class SlowAndFast extends Dispatcher {
        private final CountDownLatch fastAnswered = new CountDownLatch(1);

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (request.getPath().equals("/slow")) {
                try {
                    boolean released = fastAnswered.await(10, TimeUnit.SECONDS);
                    return new MockResponse().setResponseCode(200).setBody(released ? "slow after fast" : "fast never came");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new MockResponse().setResponseCode(500);
                }
            }
            fastAnswered.countDown();
            return new MockResponse().setResponseCode(200).setBody("fast");
        }
    }

    @Test
    void aRequestInProgressDoesNotHoldUpOneOnAnotherConnection() throws Exception {
        try (SandboxHttpServer server = SandboxHttpServer.start(InetAddress.getLoopbackAddress(), 0, new SlowAndFast())) {
            // two clients: two connections, which the server hands to two event loops
            CompletableFuture<HttpResponse<String>> slow = get(HttpClient.newHttpClient(), server.port(), "/slow");
            Thread.sleep(200); // let /slow arrive first
            HttpResponse<String> fast = get(HttpClient.newHttpClient(), server.port(), "/fast").get(10, TimeUnit.SECONDS);

            assertThat(fast.body()).isEqualTo("fast");
            assertThat(slow.get(10, TimeUnit.SECONDS).body()).isEqualTo("slow after fast");
        }
    }

    @Test
    void portZeroGivesAFreePortSharedByAllServers() throws Exception {
        try (SandboxHttpServer server = SandboxHttpServer.start(InetAddress.getLoopbackAddress(), 0, new SlowAndFast())) {
            assertThat(server.port()).isPositive();
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 2 * SandboxHttpServer.eventLoops(); i++) {
                // a new client per request: each connection may go to another server; all answer on this port
                assertThat(get(HttpClient.newHttpClient(), server.port(), "/fast").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(get(client, server.port(), "/fast").get(10, TimeUnit.SECONDS).body()).isEqualTo("fast");
        }
    }

    @Test
    void aTakenPortIsAClearError() {
        try (SandboxHttpServer first = SandboxHttpServer.start(InetAddress.getLoopbackAddress(), 0, new SlowAndFast())) {
            // another Vert.x instance cannot share the port: it is taken
            assertThatThrownBy(() -> SandboxHttpServer.start(InetAddress.getLoopbackAddress(), first.port(), new SlowAndFast()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("could not listen on 127.0.0.1:" + first.port());
        }
    }

    private static CompletableFuture<HttpResponse<String>> get(HttpClient client, int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(15)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
