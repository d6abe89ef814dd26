package io.sluice.cli.up;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a running {@code sluice up} is, so the other commands ({@code get}, {@code reconcile}, {@code check},
 * {@code logs}, ...) find its cluster, broker and services without options. Written to {@code <work-dir>/up.properties}
 * once everything is ready, written again when a service is restarted, deleted when {@code up} stops. A file left
 * behind by a killed {@code up} is ignored: its pid no longer runs.
 *
 * @param pid            the {@code sluice up} process
 * @param kafkaBootstrap the broker's bootstrap servers, e.g. {@code 127.0.0.1:9092}
 * @param kubeconfig     the kubeconfig the services use: the sandbox's, or the user's {@code --kubeconfig}
 * @param context        the {@code --context} given to {@code up}, if any
 * @param servicePorts   each service's HTTP port, in chain order
 * @param restarts       how many times each service was restarted after it exited (services never restarted: absent)
 */
public record UpState(long pid, String kafkaBootstrap, Path kubeconfig, Optional<String> context,
                      Map<String, Integer> servicePorts, Map<String, Integer> restarts) {

    public static final String FILE = "up.properties";

    /** The default work dir of {@code up}, relative to the current directory. */
    public static final Path DEFAULT_WORK_DIR = Path.of(".sluice");

    public UpState {
        servicePorts = Collections.unmodifiableMap(new LinkedHashMap<>(servicePorts));
        restarts = Map.copyOf(restarts);
    }

    /** A state without services (tests of the commands that only need the cluster and the broker). */
    public UpState(long pid, String kafkaBootstrap, Path kubeconfig, Optional<String> context) {
        this(pid, kafkaBootstrap, kubeconfig, context, Map.of(), Map.of());
    }

    /** The same state with the restart counts of now. */
    public UpState withRestarts(Map<String, Integer> counts) {
        return new UpState(pid, kafkaBootstrap, kubeconfig, context, servicePorts, counts);
    }

    /** Writes the file whole and then moves it into place, so a reader never sees half of it. */
    public void write(Path workDir) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("kafka", kafkaBootstrap);
        p.setProperty("kubeconfig", kubeconfig.toAbsolutePath().toString());
        context.ifPresent(c -> p.setProperty("context", c));
        servicePorts.forEach((service, port) -> p.setProperty("service." + service + ".port", Integer.toString(port)));
        restarts.forEach((service, count) -> p.setProperty("service." + service + ".restarts", Integer.toString(count)));
        Path file = workDir.resolve(FILE);
        Path partial = workDir.resolve(FILE + ".partial");
        try {
            try (Writer out = Files.newBufferedWriter(partial)) {
                p.store(out, "Written by the running 'sluice up' (pid " + pid + "); deleted when it stops.");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
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
            Map<String, Integer> ports = new LinkedHashMap<>();
            Map<String, Integer> restarts = new LinkedHashMap<>();
            for (SluiceService service : SluiceService.ALL) {
                Optional.ofNullable(p.getProperty("service." + service.name() + ".port"))
                        .ifPresent(port -> ports.put(service.name(), Integer.parseInt(port)));
                Optional.ofNullable(p.getProperty("service." + service.name() + ".restarts"))
                        .ifPresent(count -> restarts.put(service.name(), Integer.parseInt(count)));
            }
            return Optional.of(new UpState(Long.parseLong(p.getProperty("pid", "")), p.getProperty("kafka", ""),
                    Path.of(p.getProperty("kubeconfig", "")), Optional.ofNullable(p.getProperty("context")), ports, restarts));
        } catch (IOException | RuntimeException e) {
            // A half-written or hand-edited file: behave as if no up were running; options still work.
            return Optional.empty();
        }
    }
}
