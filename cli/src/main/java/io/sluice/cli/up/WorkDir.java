package io.sluice.cli.up;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The work dir of one {@code sluice up} ({@code ./.sluice} by default):
 * <pre>
 * .sluice/
 *   kubeconfig            the sandbox API's kubeconfig (not written with --kubeconfig)
 *   kubeconfig-context    with --kubeconfig --context: sets the current context for the services
 *   logs/sluice.log       the CLI and the in-process parts: Kafka broker, sandbox API, Git server
 *   logs/&lt;service&gt;.log   each service's output
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
