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
