package io.sluice.cli.up;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the services of {@code sluice up} running: a service that exits (killed, crashed, out of memory) is started
 * again with the same command after a {@link RestartBackoff} delay, its output appended to the same log. Each restart
 * is printed and counted (the counts go to {@code up.properties}, where {@code sluice check} shows them). What the
 * service had in hand is not lost: its Kafka consumer group hands the records it had not committed to the restarted
 * process.
 *
 * <p>Closed before the services are stopped, so that stopping them is not mistaken for a crash.
 */
public final class ServiceSupervisor implements AutoCloseable {

    private final ServiceGroup services;
    private final RestartBackoff backoff;
    private final Duration readyWithin;
    private final PrintStream out;
    private final Consumer<Map<String, Integer>> onRestart;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sluice-up-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Integer> restarts = new ConcurrentHashMap<>();
    private final Map<String, Integer> inARow = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param readyWithin how long a restarted service gets to answer ready before a warning is printed
     * @param onRestart   called with every service's restart count after each restart
     */
    public ServiceSupervisor(ServiceGroup services, RestartBackoff backoff, Duration readyWithin, PrintStream out,
                             Consumer<Map<String, Integer>> onRestart) {
        this.services = services;
        this.backoff = backoff;
        this.readyWithin = readyWithin;
        this.out = out;
        this.onRestart = onRestart;
    }

    /** Starts watching every service of the group. */
    public void superviseAll() {
        services.services().forEach(this::watch);
    }

    /** Restarts so far, per service. */
    public Map<String, Integer> restarts() {
        return Map.copyOf(restarts);
    }

    private void watch(ServiceProcess service) {
        long started = System.nanoTime();
        service.handle().onExit().thenRun(() -> exited(service, Duration.ofNanos(System.nanoTime() - started)));
    }

    private void exited(ServiceProcess service, Duration ran) {
        if (closed) {
            return;
        }
        String name = service.name();
        int row = ran.compareTo(backoff.healthyAfter()) >= 0 ? 1 : inARow.merge(name, 1, Integer::sum);
        inARow.put(name, row);
        int count = restarts.merge(name, 1, Integer::sum);
        Duration delay = backoff.delay(row);
        out.printf("⟳ %s exited (exit code %d) after %s; restarting it in %s (restart %d; log: %s)%n", name, service.exitValue(),
                Progress.duration(ran), Progress.duration(delay), count, WorkDir.display(service.logFile()));
        out.flush();
        try {
            scheduler.schedule(() -> restart(name, count), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // closed meanwhile: up is stopping
        }
    }

    private void restart(String name, int count) {
        if (closed) {
            return;
        }
        ServiceProcess again;
        try {
            again = services.restart(name);
        } catch (UpFailedException e) {
            if (!closed) {
                out.println("✗ could not restart " + name + ": " + e.getMessage());
            }
            return;
        }
        watch(again);
        onRestart.accept(restarts());
        try {
            new ReadinessWaiter(readyWithin).awaitAll(List.of(again), ready -> out.printf(
                    "✔ %s ready again on http://127.0.0.1:%d (restart %d, %.1f s)%n", name, again.port(), count, ready.seconds()));
        } catch (UpFailedException e) {
            if (!closed && again.isAlive()) {
                out.println("✗ " + name + " is not ready " + readyWithin.toSeconds() + " s after its restart; see "
                        + WorkDir.display(again.logFile()));
            }
            // If it exited, its own exit handler restarts it again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
    }
}
