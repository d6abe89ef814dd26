package io.sluice.source.helm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Helm chart repository as a static web server serves one (GitHub Pages, S3, ChartMuseum's read side): the JDK's
 * HttpServer on a free loopback port, files put in by the test, optionally behind Basic auth. Unknown paths are 404.
 */
public final class ChartRepositoryServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private volatile String expectedAuthorization;
    private volatile long delayMillis;

    public ChartRepositoryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code content} at {@code path} (e.g. {@code /charts/index.yaml}). */
    public ChartRepositoryServer put(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    public ChartRepositoryServer put(String path, String content) {
        return put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Stops serving {@code path}: a package the index lists but the server lost. */
    public ChartRepositoryServer remove(String path) {
        files.remove(path);
        return this;
    }

    /** Every request from now on needs these credentials (Basic auth), as an htpasswd-protected server does. */
    public ChartRepositoryServer basicAuth(String user, String password) {
        expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Answers every request only after this long (a repository too slow for the timeout). */
    public ChartRepositoryServer delay(long millis) {
        delayMillis = millis;
        return this;
    }

    /** Every path asked for, with the Authorization header it came with ({@code path|header} or {@code path|-}). */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requested.add(path + "|" + (authorization == null ? "-" : authorization));
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"charts\"");
            send(exchange, 401, "unauthorized\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] content = files.get(path);
        if (content == null) {
            send(exchange, 404, "404 page not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(exchange, 200, content);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException clientGone) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
