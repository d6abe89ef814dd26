package io.sluice.cli.up;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The started services, stopped together: SIGTERM to all first, then wait for each (killing any that lingers),
 * so shutdown takes as long as the slowest service, not the sum of them.
 */
public final class ServiceGroup implements AutoCloseable {

    private final List<ServiceProcess> services = new ArrayList<>();
    private final Duration grace;
    private boolean closed;

    /** @param grace how long services get to stop after SIGTERM before they are killed */
    public ServiceGroup(Duration grace) {
        this.grace = grace;
    }

    /**
     * Adds a started service. If the group was already stopped (Ctrl-C while services were starting), the service
     * is stopped at once and this throws, so no process outlives the CLI.
     */
    public void add(ServiceProcess service) {
        synchronized (this) {
            if (!closed) {
                services.add(service);
                return;
            }
        }
        service.requestStop();
        service.awaitStopped(grace);
        throw new UpFailedException("Stopped while starting: " + service.name() + " was shut down again.");
    }

    public synchronized List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** The service called {@code name} ({@code render-service}, ...). */
    public synchronized ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no service named '" + name + "' in this group; it has " + services.stream().map(ServiceProcess::name).toList()));
    }

    /**
     * Starts the service called {@code name} again after it exited (killed, crashed), with the same command, its
     * output appended to the same log; the new process replaces the old one in this group, so {@link #close()}
     * stops it too.
     */
    public ServiceProcess restart(String name) {
        synchronized (this) {
            if (closed) {
                throw new UpFailedException("Cannot restart " + name + ": the services were stopped.");
            }
            ServiceProcess old = service(name);
            ServiceProcess started = old.startAgain();
            services.set(services.indexOf(old), started);
            return started;
        }
    }

    @Override
    public void close() {
        List<ServiceProcess> running;
        synchronized (this) {
            closed = true;
            running = List.copyOf(services);
        }
        running.forEach(ServiceProcess::requestStop);
        running.forEach(service -> service.awaitStopped(grace));
    }
}
