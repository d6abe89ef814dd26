package io.sluice.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A fresh work dir under {@code target/e2e/} for one run: the services' logs, the sandbox log, the kubeconfig and
 * the Git working copy stay there after the run (a temp dir would delete the logs a failure points at).
 */
final class WorkDirs {

    private WorkDirs() {
    }

    static Path create(Class<?> test) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = Path.of("target", "e2e", test.getSimpleName() + "-" + stamp).toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the work dir " + dir, e);
        }
    }
}
