package io.sluice.apply.reconcile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A loopback HTTP proxy in front of the sandbox API server that records every request's method, path and
 * {@code Impersonate-User} header, then forwards it unchanged, or answers it with a refusal the test prepared
 * ({@link #refuse}: what RBAC would answer, which the sandbox does not enforce). The sandbox does not enforce RBAC or act on
 * impersonation, so the tests check what the client sends. Stop it with {@link #close()}.
 */
final class RecordingProxy implements AutoCloseable {

    /** One request seen: method, path with query, the Impersonate-User header (null when absent). */
    record Seen(String method, String path, String impersonateUser) {
    }

    /** Headers the JDK client sets itself and refuses to take from us. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String target;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Refusal refusal;

    /** Requests answered by the proxy itself with a refusal, instead of being forwarded. */
    private record Refusal(Predicate<Seen> which, int status, byte[] body) {
    }

    RecordingProxy(String targetUrl) throws IOException {
        this.target = targetUrl.endsWith("/") ? targetUrl.substring(0, targetUrl.length() - 1) : targetUrl;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Answers the requests {@code which} selects with {@code status} and {@code body} (JSON) instead of forwarding them. */
    void refuse(Predicate<Seen> which, int status, String body) {
        refusal = new Refusal(which, status, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Forwards everything again. */
    void stopRefusing() {
        refusal = null;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            Seen arrived = new Seen(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Impersonate-User"));
            seen.add(arrived);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Refusal refused = refusal;
            if (refused != null && refused.which().test(arrived)) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(refused.status(), refused.body().length);
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(refused.body());
                }
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!RESTRICTED.contains(header.getKey().toLowerCase())) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while forwarding " + path, e);
            }
            response.headers().map().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding") && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
