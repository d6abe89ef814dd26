package io.sluice.cli.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Slack-compatible incoming webhook on loopback: it keeps every JSON body POSTed to {@value #PATH} and answers
 * {@code 200 ok}, as Slack does.
 */
final class SlackReceiver implements AutoCloseable {

    static final String PATH = "/services/T000/B000/e2e";

    private final HttpServer server;
    private final List<String> messages = new ArrayList<>();

    private SlackReceiver(HttpServer server) {
        this.server = server;
    }

    static SlackReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        SlackReceiver receiver = new SlackReceiver(server);
        server.createContext(PATH, exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                if ("POST".equals(exchange.getRequestMethod())) {
                    receiver.add(text);
                }
            }
            byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private synchronized void add(String message) {
        messages.add(message);
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
