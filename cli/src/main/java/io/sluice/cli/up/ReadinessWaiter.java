package io.sluice.cli.up;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Waits until every service answers 200 on {@code /q/health/ready} (Quarkus says ready once it reaches Kafka).
 * A service that exits, or is not ready by the deadline, fails the wait with its name and the end of its log.
 */
public final class ReadinessWaiter {

    static final Duration POLL = Duration.ofMillis(250);
    static final int LOG_LINES = 25;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Duration timeout;

    public ReadinessWaiter(Duration timeout) {
        this.timeout = timeout;
    }

    public static URI readinessUri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/q/health/ready");
    }

    /**
     * @param onReady called once per service as it becomes ready, with the seconds since the wait began
     * @throws UpFailedException for the first service that exits or is still not ready at the deadline
     */
    public void awaitAll(List<ServiceProcess> services, Consumer<ReadyService> onReady) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Map<ServiceProcess, String> waiting = new LinkedHashMap<>();
        services.forEach(service -> waiting.put(service, "no answer yet"));
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : new ArrayList<>(waiting.keySet())) {
                if (!service.isAlive()) {
                    throw failure(service, service.name() + " exited with code " + service.exitValue() + " before it was ready.");
                }
                Probe probe = probe(service.port());
                if (probe.ready()) {
                    waiting.remove(service);
                    onReady.accept(new ReadyService(service, (System.nanoTime() - start) / 1e9));
                } else {
                    waiting.put(service, probe.detail());
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                Map.Entry<ServiceProcess, String> first = waiting.entrySet().iterator().next();
                throw failure(first.getKey(), first.getKey().name() + " was not ready within " + timeout.toSeconds()
                        + " s (" + readinessUri(first.getKey().port()) + ": " + first.getValue()
                        + "). A slow machine may need a longer --timeout.");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** A service that answered ready, and how long it took. */
    public record ReadyService(ServiceProcess service, double seconds) {
    }

    private record Probe(boolean ready, String detail) {
    }

    private Probe probe(int port) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(readinessUri(port)).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Probe(response.statusCode() == 200, "HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        } catch (IOException e) {
            return new Probe(false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    private static UpFailedException failure(ServiceProcess service, String what) {
        String nl = System.lineSeparator();
        StringBuilder message = new StringBuilder(what).append(nl)
                .append("Last lines of ").append(service.logFile()).append(':').append(nl);
        List<String> lines = service.lastLogLines(LOG_LINES);
        if (lines.isEmpty()) {
            message.append("  (the log is empty)").append(nl);
        }
        lines.forEach(line -> message.append("  | ").append(line).append(nl));
        return new UpFailedException(message.toString().stripTrailing());
    }
}
