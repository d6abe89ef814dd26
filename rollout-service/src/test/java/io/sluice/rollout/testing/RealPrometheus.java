package io.sluice.rollout.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus (Debian's {@code prometheus} package, which .ci/run installs) on a free loopback port, scraping one
 * target every second, with its data in a temporary folder. {@link #close()} stops it and deletes the folder.
 */
public final class RealPrometheus implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final Process process;
    private final Path home;
    private final URI address;

    private RealPrometheus(Process process, Path home, URI address) {
        this.process = process;
        this.home = home;
        this.address = address;
    }

    /** Starts Prometheus scraping {@code target} ({@code host:port}, path /metrics) every second and waits until it is ready. */
    public static RealPrometheus scraping(String target) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's prometheus package"
                    + " (apt-get install -y prometheus; .ci/run does it)");
        }
        Path home = Files.createTempDirectory("sluice-prometheus");
        Path config = home.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: workload
                    static_configs:
                      - targets: ['%s']
                """.formatted(target));
        int port = freePort();
        Process process = new ProcessBuilder(BINARY.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("prometheus.log").toFile())
                .start();
        RealPrometheus prometheus = new RealPrometheus(process, home, URI.create("http://127.0.0.1:" + port));
        try {
            prometheus.awaitReady();
        } catch (RuntimeException | IOException | InterruptedException e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    public URI address() {
        return address;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ": "
                        + Files.readString(home.resolve("prometheus.log")));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(address.resolve("/-/ready")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("prometheus not ready within 30 s at " + address);
    }

    /** A loopback port nothing listens on (for the unreachable-Prometheus case, and to start on). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
