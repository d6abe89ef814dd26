package io.sluice.sandbox.cluster.apiserver;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The one thread on which the sandbox does, after a request has been answered, what a real cluster's controllers
 * and the API server's timers do later: finishing a namespace's deletion, ending watches at their
 * {@code timeoutSeconds}, sending watch bookmarks. Each task runs holding the store's monitor, as a request does, so
 * it sees and leaves the store consistent.
 */
final class ControllerLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ControllerLoop.class);

    private final Object storeMonitor;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-api-controllers");
        thread.setDaemon(true);
        return thread;
    });

    ControllerLoop(Object storeMonitor) {
        this.storeMonitor = storeMonitor;
    }

    /** Runs {@code task} after {@code delayMillis}, holding the store's monitor. */
    ScheduledFuture<?> later(long delayMillis, String what, Runnable task) {
        return executor.schedule(() -> run(what, task), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} every {@code periodMillis}, the first time after one period, holding the store's monitor. */
    ScheduledFuture<?> every(long periodMillis, String what, Runnable task) {
        return executor.scheduleAtFixedRate(() -> run(what, task), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void run(String what, Runnable task) {
        try {
            synchronized (storeMonitor) {
                task.run();
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "SANDBOX API server: %s failed", what);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
