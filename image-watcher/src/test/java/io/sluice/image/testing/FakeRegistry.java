package io.sluice.image.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A registry stand-in for answers a real registry will not give on demand (429 with Retry-After, a malformed tag
 * list, capped pages with Link): serves {@code /v2/} with 200 and, for each path (or path?query) set with
 * {@link #answer}, a fixed status, headers and body.
 */
public final class FakeRegistry implements AutoCloseable {

    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();

    public FakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeRegistry answer(String path, int status, Map<String, String> headers, String body) {
        answers.put(path, new Answer(status, headers, body));
        return this;
    }

    /** Every path and query asked for, in order. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawQuery();
        requested.add(exchange.getRequestURI().getPath() + (raw == null ? "" : "?" + raw));
        String path = answers.containsKey(requested.get(requested.size() - 1)) ? requested.get(requested.size() - 1) : exchange.getRequestURI().getPath();
        Answer answer = path.equals("/v2/") ? new Answer(200, Map.of(), "{}") : answers.getOrDefault(path, new Answer(404, Map.of(), "{\"errors\":[]}"));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
