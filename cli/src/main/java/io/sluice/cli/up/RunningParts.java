package io.sluice.cli.up;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What {@code sluice up} has started, stopped in reverse order: services first (they use everything else), then
 * the Git server, the cluster, and Kafka last.
 *
 * <p>Closed from the main thread when start-up fails, or from the shutdown hook on Ctrl-C / SIGTERM; whichever
 * comes first does the work. A part added after closing (a signal arrived while it was starting) is stopped at
 * once, so nothing outlives the CLI.
 */
public final class RunningParts implements AutoCloseable {

    private record Part(String name, AutoCloseable stopper) {
    }

    private final Deque<Part> parts = new ArrayDeque<>();
    private final PrintStream out;
    private boolean closed;

    public RunningParts(PrintStream out) {
        this.out = out;
    }

    /** Registers a started part; returns it for chaining. */
    public <T extends AutoCloseable> T add(String name, T part) {
        synchronized (this) {
            if (!closed) {
                parts.push(new Part(name, part));
                return part;
            }
        }
        stop(new Part(name, part));
        throw new UpFailedException("Stopped while starting: " + name + " was shut down again.");
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!parts.isEmpty()) {
            stop(parts.pop());
        }
    }

    private void stop(Part part) {
        out.println("Stopping " + part.name() + "...");
        try {
            part.stopper().close();
        } catch (Exception e) {
            // Keep going: one part failing to stop must not leave the others running.
            out.println("  could not stop " + part.name() + " cleanly: " + e.getMessage());
        }
    }
}
