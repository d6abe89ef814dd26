package io.sluice.alert.provider;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A loopback JDK HttpServer that records every request and answers with a chosen status and body. */
public final class CapturingServer implements AutoCloseable {

    /** @param rawPath the path as sent, percent-encoding kept (GitLab project ids) */
    public record Request(String method, String path, String rawPath, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile int status = 200;
    private volatile String answer = "ok";
    private volatile CountDownLatch hold;

    public CapturingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            CountDownLatch latch = hold;
            if (latch != null) {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    /** Makes every request wait until {@link #close()}, to test client timeouts. */
    void hang() {
        hold = new CountDownLatch(1);
    }

    public Request only() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests.size());
        }
        return requests.get(0);
    }

    @Override
    public void close() {
        CountDownLatch latch = hold;
        if (latch != null) {
            latch.countDown();
        }
        server.stop(0);
    }
}
