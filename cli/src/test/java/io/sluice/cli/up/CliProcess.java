package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The shaded CLI jar ({@code sluice.cli.jar}, set by failsafe) run as a separate process, the way a user runs it,
 * with its output collected line by line.
 */
final class CliProcess implements AutoCloseable {

    private final Process process;
    private final List<String> out = Collections.synchronizedList(new ArrayList<>());
    private final List<String> err = Collections.synchronizedList(new ArrayList<>());

    private CliProcess(Process process) {
        this.process = process;
        pump(process.getInputStream(), out, "cli-stdout");
        pump(process.getErrorStream(), err, "cli-stderr");
    }

    static Path home() {
        return Path.of(System.getProperty("sluice.home", "..")).toAbsolutePath().normalize();
    }

    static CliProcess start(Path workingDirectory, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("sluice.cli.jar", "target/sluice-cli.jar"));
        if (!Files.isRegularFile(jar)) {
            fail("The CLI jar " + jar.toAbsolutePath() + " is missing; run the ITs with './mvnw -pl cli verify' so 'package' builds it");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().put(SluiceHome.ENV, home().toString());
        return new CliProcess(builder.start());
    }

    private static void pump(InputStream stream, List<String> lines, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(reading " + name + " failed: " + e.getMessage() + ")");
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for a stdout line matching {@code match}; fails with the whole output if the CLI exits or time runs out. */
    String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> found = firstLine(match);
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                Thread.sleep(200); // let the pumps drain
                return firstLine(match).orElseGet(() -> fail("The CLI exited with code " + process.exitValue()
                        + " before printing the expected line." + transcript()));
            }
            Thread.sleep(100);
        }
        return fail("No expected line within " + timeout.toSeconds() + " s." + transcript());
    }

    private Optional<String> firstLine(Predicate<String> match) {
        synchronized (out) {
            return out.stream().filter(match).findFirst();
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("The CLI did not exit within " + timeout.toSeconds() + " s." + transcript());
        }
        Thread.sleep(200); // let the pumps drain
        return process.exitValue();
    }

    String stdout() {
        synchronized (out) {
            return String.join("\n", out);
        }
    }

    String stderr() {
        synchronized (err) {
            return String.join("\n", err);
        }
    }

    String transcript() {
        return "\n--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * SIGTERM, as {@code Process.destroy()} sends it; but through the handle, because {@code Process.destroy()}
     * also closes our ends of the pipes, and the test wants to read what the CLI prints while it shuts down.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
