package io.sluice.kit.lifecycle;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Stops this service when the {@code sluice up} process that started it is gone.
 *
 * <p>{@code sluice up} stops its services itself on Ctrl-C or SIGTERM, but a SIGKILL (or a crash) gives it no
 * chance to. It therefore passes its pid in {@code SLUICE_PARENT_PID}; this bean checks every 2 s whether that
 * process still lives and, when it does not, logs why and exits the service. Without the variable (a service run
 * by Kubernetes, compose, or by hand) it does nothing.
 */
@Startup
@ApplicationScoped
public class ParentWatchdog {

    /** Set by {@code sluice up} to its own pid. */
    public static final String PARENT_PID_ENV = "SLUICE_PARENT_PID";
    static final Duration INTERVAL = Duration.ofSeconds(2);
    /** A graceful shutdown that hangs (e.g. a Kafka client waiting for a broker that died with the parent) is cut short. */
    static final Duration HALT_AFTER = Duration.ofSeconds(15);

    private static final Logger LOG = Logger.getLogger(ParentWatchdog.class);

    private final Optional<Parent> parent;
    private final Runnable exit;
    private final Duration interval;
    private ScheduledExecutorService timer;

    /** The parent process as first seen; the start time tells it apart from a later process reusing its pid. */
    record Parent(long pid, Optional<Instant> startedAt) {

        boolean isAlive() {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> startedAt.isEmpty() || startedAt.equals(handle.info().startInstant()))
                    .isPresent();
        }
    }

    public ParentWatchdog() {
        this(System.getenv(), ParentWatchdog::exitService, INTERVAL);
    }

    ParentWatchdog(Map<String, String> environment, Runnable exit, Duration interval) {
        this.parent = parentFrom(environment);
        this.exit = exit;
        this.interval = interval;
    }

    /**
     * @throws IllegalArgumentException when the variable is set but is not a pid: better to refuse to start than to
     *                                  run unwatched and outlive the CLI
     */
    static Optional<Parent> parentFrom(Map<String, String> environment) {
        String value = environment.get(PARENT_PID_ENV);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PARENT_PID_ENV + "='" + value + "' is not a process id; it must be the pid"
                    + " of the 'sluice up' process, or be unset when the service runs on its own.", e);
        }
        if (pid <= 0) {
            throw new IllegalArgumentException(PARENT_PID_ENV + "=" + pid + " is not a process id (must be positive).");
        }
        Optional<Instant> startedAt = ProcessHandle.of(pid).flatMap(handle -> handle.info().startInstant());
        return Optional.of(new Parent(pid, startedAt));
    }

    /** True when a parent pid was given, i.e. the watchdog is active. */
    public boolean isWatching() {
        return parent.isPresent();
    }

    @PostConstruct
    void start() {
        if (parent.isEmpty()) {
            return;
        }
        Parent watched = parent.get();
        LOG.infof("Watching parent process %d (%s): this service exits when it is gone", watched.pid(), PARENT_PID_ENV);
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sluice-parent-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> check(watched), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check(Parent watched) {
        if (watched.isAlive()) {
            return;
        }
        LOG.warnf("Parent process %d (%s) is gone; exiting so this service does not outlive 'sluice up'",
                watched.pid(), PARENT_PID_ENV);
        timer.shutdown();
        exit.run();
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private static void exitService() {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            LOG.warnf("Shutdown did not finish within %d s; halting", HALT_AFTER.toSeconds());
            Runtime.getRuntime().halt(1);
        }, "sluice-parent-watchdog-halt");
        halt.setDaemon(true);
        halt.start();
        Quarkus.asyncExit(1);
    }
}
