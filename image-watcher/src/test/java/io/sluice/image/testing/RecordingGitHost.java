package io.sluice.image.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the pull/merge request endpoints of GitHub's and GitLab's REST APIs that records every call:
 * lists the open requests it holds (filtered by head/source branch), creates one on POST, updates on PATCH/PUT.
 */
public final class RecordingGitHost implements AutoCloseable {

    /** One API call as received. */
    public record Call(String method, String pathAndQuery, Map<String, String> headers, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Open requests by head branch: their number. */
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger();

    public RecordingGitHost() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String query = exchange.getRequestURI().getRawQuery();
        String path = exchange.getRequestURI().getRawPath();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        calls.add(new Call(method, path + (query == null ? "" : "?" + query), headers, body));
        boolean gitlab = path.contains("/merge_requests");
        String web = url() + "/web/" + (gitlab ? "merge_requests/" : "pull/");
        if (method.equals("GET")) {
            String head = param(query, gitlab ? "source_branch" : "head");
            String branch = head == null ? null : head.substring(head.indexOf(':') + 1);
            Integer number = branch == null ? null : open.get(branch);
            send(exchange, 200, number == null ? "[]" : "[{\"" + (gitlab ? "iid" : "number") + "\": " + number + ", \""
                    + (gitlab ? "web_url" : "html_url") + "\": \"" + web + number + "\"}]");
        } else if (method.equals("POST")) {
            int number = numbers.incrementAndGet();
            open.put(body.path(gitlab ? "source_branch" : "head").asText(), number);
            send(exchange, 201, "{\"" + (gitlab ? "iid" : "number") + "\": " + number + ", \"" + (gitlab ? "web_url" : "html_url") + "\": \"" + web + number + "\"}");
        } else {
            String number = path.substring(path.lastIndexOf('/') + 1);
            send(exchange, 200, "{\"" + (gitlab ? "iid" : "number") + "\": " + number + ", \"" + (gitlab ? "web_url" : "html_url") + "\": \"" + web + number + "\"}");
        }
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
