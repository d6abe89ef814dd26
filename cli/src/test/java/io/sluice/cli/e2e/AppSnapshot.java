package io.sluice.cli.e2e;

import io.sluice.cli.up.SluiceService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A snapshot of the services' built fast-jars ({@code <service>/target/quarkus-app/}) in the work dir, made of hard
 * links (a copy where links are not possible). A rebuild of a service while the test runs replaces the files in
 * {@code target/}; the linked files keep the content the test started with, so the running services never find
 * their libraries gone.
 */
final class AppSnapshot implements AutoCloseable {

    private final Path root;

    private AppSnapshot(Path root) {
        this.root = root;
    }

    /** Links {@code <service>/target/quarkus-app/} of every service from {@code home} into {@code into}. */
    static AppSnapshot of(Path home, List<SluiceService> services, Path into) {
        for (SluiceService service : services) {
            Path app = service.jar(home).getParent();
            link(app, service.jar(into).getParent());
        }
        return new AppSnapshot(into);
    }

    /** The home to run the services from: {@code <home>/<service>/target/quarkus-app/quarkus-run.jar}. */
    Path home() {
        return root;
    }

    /** Removes the snapshot (once the services are stopped); the logs beside it stay. */
    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void link(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.createLink(target, file);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(file, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not snapshot " + from + " into " + to
                    + " (a build of that service running at the same time may have removed files; run again)", e);
        }
    }
}
