package io.sluice.cli.up;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One running service: a child process whose output (stdout and stderr) goes to its log file. */
public final class ServiceProcess {

    /** How long a service gets to stop after SIGTERM before it is killed. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private final ServiceLaunch launch;
    private final Process process;

    private ServiceProcess(ServiceLaunch launch, Process process) {
        this.launch = launch;
        this.process = process;
    }

    public static ServiceProcess start(ServiceLaunch launch) {
        return start(launch, ProcessBuilder.Redirect.to(launch.logFile().toFile()));
    }

    /**
     * Starts the same service again, its output appended to the same log, so the log tells the whole story of a
     * restart (tests that kill a service on purpose read it afterwards).
     */
    public ServiceProcess startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException(launch.name() + " (pid " + process.pid() + ") is still running; stop or kill it"
                    + " before starting it again, or two copies would share its port");
        }
        return start(launch, ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()));
    }

    private static ServiceProcess start(ServiceLaunch launch, ProcessBuilder.Redirect output) {
        try {
            Files.createDirectories(launch.logFile().getParent());
            Files.createDirectories(launch.directory());
            ProcessBuilder builder = new ProcessBuilder(launch.command())
                    .directory(launch.directory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output)
                    // The CLI owns the terminal; a service must never wait for keyboard input.
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(launch.environment());
            return new ServiceProcess(launch, builder.start());
        } catch (IOException e) {
            throw new UpFailedException("Could not start " + launch.name() + " (" + String.join(" ", launch.command())
                    + "): " + e.getMessage(), e);
        }
    }

    public String name() {
        return launch.name();
    }

    public int port() {
        return launch.port();
    }

    public Path logFile() {
        return launch.logFile();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code; only meaningful once {@link #isAlive()} is false. */
    public int exitValue() {
        return process.exitValue();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public ServiceLaunch launch() {
        return launch;
    }

    /** Kills the service at once (SIGKILL: no shutdown hook, no offset commit, no goodbye) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(launch.name() + " (pid " + process.pid()
                    + ") did not exit after SIGKILL; stop it by hand", e);
        }
    }

    /** Asks the service to stop (SIGTERM); {@link #awaitStopped(Duration)} waits and kills it if it lingers. */
    public void requestStop() {
        process.destroy();
    }

    /** Waits up to {@code grace} for the process to exit, then kills it, and waits for that too. */
    public void awaitStopped(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(launch.name() + " (pid " + process.pid()
                    + ") did not exit even after SIGKILL; stop it by hand", e);
        }
    }

    /** The last {@code count} lines of the service's log, for failure messages. */
    public List<String> lastLogLines(int count) {
        return tail(launch.logFile(), count);
    }

    static List<String> tail(Path file, int count) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Deque<String> lines = new ArrayDeque<>(count);
        // InputStreamReader replaces malformed bytes instead of failing: a log may hold anything.
        try (var reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (lines.size() == count) {
                    lines.removeFirst();
                }
                lines.addLast(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the log " + file, e);
        }
        return List.copyOf(lines);
    }
}
