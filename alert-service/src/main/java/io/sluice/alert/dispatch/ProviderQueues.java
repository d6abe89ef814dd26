package io.sluice.alert.dispatch;

import io.sluice.api.meta.ObjectKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One worker thread and one bounded queue per Provider, so a slow or failing Provider (waiting out its
 * timeouts and retries) never delays the others, nor the Kafka consumer that hands work over. A Provider's
 * notifications are sent one at a time, in the order they were handed over. Idle workers stop after a
 * minute and start again with the next notification.
 */
final class ProviderQueues {

    private final int capacity;
    private final Map<ObjectKey, ThreadPoolExecutor> workers = new HashMap<>();
    private boolean stopped;

    ProviderQueues(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("sluice.alerts.delivery.queue-capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Queues a job for the Provider; false when its queue is full or the service is stopping. */
    synchronized boolean submit(ObjectKey provider, Runnable job) {
        if (stopped) {
            return false;
        }
        ThreadPoolExecutor worker = workers.computeIfAbsent(provider, this::newWorker);
        try {
            worker.execute(job);
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    /** Stops every worker (interrupting the running jobs) and returns the jobs that never started. */
    synchronized List<Runnable> stop() {
        stopped = true;
        List<Runnable> pending = new ArrayList<>();
        workers.values().forEach(worker -> pending.addAll(worker.shutdownNow()));
        workers.clear();
        return pending;
    }

    private ThreadPoolExecutor newWorker(ObjectKey provider) {
        ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity),
                runnable -> {
                    Thread thread = new Thread(runnable, "alert-" + provider.namespace() + "-" + provider.name());
                    thread.setDaemon(true);
                    return thread;
                });
        worker.allowCoreThreadTimeOut(true);
        return worker;
    }
}
