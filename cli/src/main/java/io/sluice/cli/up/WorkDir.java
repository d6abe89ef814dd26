package io.sluice.cli.up;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The work dir of one {@code sluice up} ({@code ./.sluice} by default):
 * <pre>
 * .sluice/
 *   kubeconfig            the sandbox API's kubeconfig (not written with --kubeconfig)
 *   kubeconfig-context    with --kubeconfig --context: sets the current context for the services
 *   logs/sluice.log       the CLI and the in-process parts: Kafka broker, sandbox API, Git server
 *   logs/&lt;service&gt;.log   each service's output
 *   git/quickstart.git    the Git server's repositories, kept from one run to the next (--fresh deletes them)
 *   &lt;service&gt;/           each service's working directory (source-service's clones and artifacts)
 * </pre>
 * Logs are overwritten by the next run.
 */
public record WorkDir(Path root) {

    public static WorkDir prepare(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root.resolve("logs"));
        } catch (IOException e) {
            throw new UpFailedException("Cannot create the work dir " + root + " (" + e.getMessage()
                    + "); choose another with --work-dir.", e);
        }
        if (!Files.isWritable(root)) {
            throw new UpFailedException("The work dir " + root + " is not writable; choose another with --work-dir.");
        }
        return new WorkDir(root);
    }

    public Path kubeconfig() {
        return root.resolve("kubeconfig");
    }

    /** The Git server's repositories: kept from one run to the next, so the quickstart keeps its history. */
    public Path gitRepositories() {
        return root.resolve("git");
    }

    /**
     * For {@code --fresh}: deletes the kept repositories and the services' working directories (their caches of
     * clones and artifacts, which would otherwise hold the old history).
     */
    public void forgetPreviousRuns(List<SluiceService> services) {
        deleteRecursively(gitRepositories());
        services.forEach(service -> deleteRecursively(root.resolve(service.name())));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UpFailedException("Cannot delete " + dir + " for --fresh (" + e.getMessage() + "); delete it by hand.", e);
        }
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path cliLog() {
        return logs().resolve("sluice.log");
    }

    /** The path as the user would type it from the current directory: relative when below it. */
    public static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) && !absolute.equals(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }
}
