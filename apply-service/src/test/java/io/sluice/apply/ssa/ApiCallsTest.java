package io.sluice.apply.ssa;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ApiCalls against a server that answers discovery and then never answers a write: the time limit of the whole
 * exchange fails the call with a message naming the request (the requests themselves carry no timeout).
 */
class ApiCallsTest {

    private static final String DISCOVERY = """
            {"kind":"APIResourceList","groupVersion":"v1","resources":[
              {"name":"configmaps","singularName":"configmap","namespaced":true,"kind":"ConfigMap","verbs":["get","list","patch"]}]}""";

    private final CountDownLatch stop = new CountDownLatch(1);
    private HttpServer server;
    private KubernetesClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/v1", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/api/v1")) {
                byte[] body = DISCOVERY.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
                return;
            }
            try {
                stop.await(); // a server that hangs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .withRequestTimeout(300)
                .withRequestRetryBackoffLimit(0)
                .build();
        client = new KubernetesClientBuilder().withHttpClientFactory(new VertxHttpClientFactory()).withConfig(config).build();
    }

    @AfterEach
    void stop() {
        stop.countDown();
        client.close();
        server.stop(0);
    }

    @Test
    void aWriteWithoutAnswerFailsAfterTheRequestTimeoutNamingTheRequest() {
        ApiCalls api = new ApiCalls(client);
        ObjectRef ref = new ObjectRef("v1", "ConfigMap", "apps", "settings");

        assertThatThrownBy(() -> api.apply(ref, "{}").join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("no answer from the API server within 300 ms to PATCH")
                .hasMessageContaining("/api/v1/namespaces/apps/configmaps/settings?fieldManager=sluice");
    }

    @Test
    void aReadWithoutAnswerFailsTheSameWay() {
        ApiCalls api = new ApiCalls(client);

        assertThatThrownBy(() -> api.get(new ObjectRef("v1", "ConfigMap", "apps", "settings")).join())
                .cause()
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("no answer from the API server within 300 ms to GET");
        assertThat(api.dryRun(new ObjectRef("v1", "ConfigMap", "apps", "other"), "{}", true))
                .failsWithin(java.time.Duration.ofSeconds(5));
    }
}
