package io.sluice.cli.up;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a running {@code sluice up} is, so {@code sluice get} and {@code sluice reconcile} find its cluster and
 * broker without options. Written to {@code <work-dir>/up.properties} once everything is ready, deleted when
 * {@code up} stops. A file left behind by a killed {@code up} is ignored: its pid no longer runs.
 *
 * @param pid            the {@code sluice up} process
 * @param kafkaBootstrap the broker's bootstrap servers, e.g. {@code 127.0.0.1:9092}
 * @param kubeconfig     the kubeconfig the services use: the sandbox's, or the user's {@code --kubeconfig}
 * @param context        the {@code --context} given to {@code up}, if any
 */
public record UpState(long pid, String kafkaBootstrap, Path kubeconfig, Optional<String> context) {

    public static final String FILE = "up.properties";

    /** The default work dir of {@code up}, relative to the current directory. */
    public static final Path DEFAULT_WORK_DIR = Path.of(".sluice");

    public void write(Path workDir) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("kafka", kafkaBootstrap);
        p.setProperty("kubeconfig", kubeconfig.toAbsolutePath().toString());
        context.ifPresent(c -> p.setProperty("context", c));
        try (Writer out = Files.newBufferedWriter(workDir.resolve(FILE))) {
            p.store(out, "Written by the running 'sluice up' (pid " + pid + "); deleted when it stops.");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + workDir.resolve(FILE), e);
        }
    }

    /** Deletes the file if it is still this process's; a newer {@code up} may have replaced it. */
    public void delete(Path workDir) {
        Optional<UpState> current = read(workDir);
        if (current.isPresent() && current.get().pid() == pid) {
            try {
                Files.deleteIfExists(workDir.resolve(FILE));
            } catch (IOException e) {
                // Harmless: readers ignore a file whose pid is gone.
            }
        }
    }

    /** The {@code up} running with this work dir; empty when none is, or its file is unreadable or stale. */
    public static Optional<UpState> running(Path workDir) {
        return read(workDir).filter(state -> ProcessHandle.of(state.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    static Optional<UpState> read(Path workDir) {
        Path file = workDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            return Optional.of(new UpState(Long.parseLong(p.getProperty("pid", "")), p.getProperty("kafka", ""),
                    Path.of(p.getProperty("kubeconfig", "")), Optional.ofNullable(p.getProperty("context"))));
        } catch (IOException | RuntimeException e) {
            // A half-written or hand-edited file: behave as if no up were running; options still work.
            return Optional.empty();
        }
    }
}
