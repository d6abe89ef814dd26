package io.sluice.kit.reconcile;

import io.sluice.api.meta.ObjectKey;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs reconciliations: at most one at a time per object, a bounded number overall, each asked for now or
 * after a delay.
 *
 * <ul>
 *   <li>{@link #requestNow}: runs the object's reconciliation on a worker; if one is running, it runs once more
 *       right after it (requests arriving meanwhile collapse into that one run).</li>
 *   <li>After a run, the work function's answer schedules the next one (the interval after success, a backoff
 *       after failure, or nothing). A timer that fires is dropped if the object is no longer {@code wanted}
 *       (another replica owns it now).</li>
 * </ul>
 */
public final class ReconcileScheduler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReconcileScheduler.class);

    /** Reconciles an object; returns when to run again, or null for "only when asked". */
    public interface Work extends Function<ObjectKey, Duration> {
    }

    private static final class Slot {
        boolean running;
        boolean again;
        ScheduledFuture<?> timer;
    }

    private final Map<ObjectKey, Slot> slots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;
    private final ExecutorService workers;
    private final Work work;
    private final Predicate<ObjectKey> wanted;

    public ReconcileScheduler(int workerCount, Work work, Predicate<ObjectKey> wanted) {
        this.work = work;
        this.wanted = wanted;
        this.timers = Executors.newSingleThreadScheduledExecutor(named("sluice-reconcile-timer"));
        this.workers = Executors.newFixedThreadPool(Math.max(1, workerCount), named("sluice-reconcile"));
    }

    public void requestNow(ObjectKey key) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            if (slot.running) {
                slot.again = true;
                return;
            }
            cancelTimer(slot);
            slot.running = true;
        }
        submit(key, slot);
    }

    /** Runs the object after {@code delay}, replacing any run already planned for it. */
    public void requestAfter(ObjectKey key, Duration delay) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            cancelTimer(slot);
            try {
                slot.timer = timers.schedule(() -> {
                    if (wanted.test(key)) {
                        requestNow(key);
                    } else {
                        LOG.debugf("Skipping the periodic reconciliation of %s: another replica owns it now", key);
                    }
                }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // shutting down
            }
        }
    }

    /** Forgets the object (deleted): no further runs are planned for it. */
    public void forget(ObjectKey key) {
        Slot slot = slots.remove(key);
        if (slot != null) {
            synchronized (slot) {
                cancelTimer(slot);
            }
        }
    }

    private void submit(ObjectKey key, Slot slot) {
        try {
            workers.execute(() -> run(key, slot));
        } catch (RejectedExecutionException e) {
            synchronized (slot) {
                slot.running = false;
            }
        }
    }

    private void run(ObjectKey key, Slot slot) {
        Duration next = null;
        try {
            next = work.apply(key);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Reconciling %s failed unexpectedly; it will be retried in a minute", key);
            next = Duration.ofMinutes(1);
        }
        boolean runAgain;
        synchronized (slot) {
            runAgain = slot.again;
            slot.again = false;
            slot.running = runAgain;
            if (!runAgain && next != null && slots.get(key) == slot) {
                requestAfter(key, next);
            }
        }
        if (runAgain) {
            submit(key, slot);
        }
    }

    private static void cancelTimer(Slot slot) {
        if (slot.timer != null) {
            slot.timer.cancel(false);
            slot.timer = null;
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
