package io.sluice.cli.up;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the six pipeline services {@code sluice up} runs, and where its Quarkus fast-jar is built.
 *
 * @param name        the Maven module and the name used in messages and log files
 * @param defaultPort the HTTP port it gets by default, in chain order from 8081
 */
public record SluiceService(String name, int defaultPort) {

    /** The services in the order of the chain; {@code --service-ports-from} shifts all their ports together. */
    public static final List<SluiceService> ALL = List.of(
            new SluiceService("webhook-gateway", 8081),
            new SluiceService("source-service", 8082),
            new SluiceService("render-service", 8083),
            new SluiceService("apply-service", 8084),
            new SluiceService("image-watcher", 8085),
            new SluiceService("alert-service", 8086));

    /** The first default port; the others follow it. */
    public static final int FIRST_PORT = 8081;

    /** The port of this service when the first service gets {@code firstPort}. */
    public int port(int firstPort) {
        return firstPort + (defaultPort - FIRST_PORT);
    }

    /** {@code <home>/<name>/target/quarkus-app/quarkus-run.jar}, where {@code ./mvnw install} puts it. */
    public Path jar(Path home) {
        return home.resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
