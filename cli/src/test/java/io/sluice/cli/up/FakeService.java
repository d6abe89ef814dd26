package io.sluice.cli.up;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a Quarkus service in tests: a separate JVM that serves {@code /q/health/ready}.
 *
 * Self-contained (JDK only): {@link FakeHome} packs it into fake service jars.
 *
 * <p>Arguments: {@code PORT MODE}; MODE is {@code ready} (200 at once), {@code not-ready} (503 forever),
 * {@code exit} (prints a few lines and exits with code 3) or {@code stubborn} (ready, and ignores SIGTERM by
 * blocking its shutdown hook).
 */
public final class FakeService {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String mode = args[1];
        System.out.println("fake service starting on port " + port + " in mode " + mode);
        System.out.println("SLUICE_PARENT_PID=" + System.getenv("SLUICE_PARENT_PID"));
        if (mode.equals("exit")) {
            System.out.println("ERROR: could not connect to Kafka at 127.0.0.1:1");
            System.exit(3);
        }
        int status = mode.equals("not-ready") ? 503 : 200;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = ("{\"status\":\"" + (status == 200 ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        if (mode.equals("stubborn")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
