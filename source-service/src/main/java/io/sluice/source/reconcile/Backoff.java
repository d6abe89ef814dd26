package io.sluice.source.reconcile;

import io.sluice.api.meta.ObjectKey;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to retry an object after a failure: {@code retry-min} × 2^(failures − 1), at most its interval; the first
 * success resets it. Thread-safe (objects are reconciled on several workers).
 */
final class Backoff {

    private final Duration retryMin;
    private final Map<ObjectKey, Integer> failures = new ConcurrentHashMap<>();

    Backoff(Duration retryMin) {
        this.retryMin = retryMin;
    }

    /** Counts one more failure of {@code key} and returns the delay before its next try. */
    Duration failed(ObjectKey key, Duration interval) {
        int count = failures.merge(key, 1, Integer::sum);
        Duration delay = retryMin.multipliedBy(1L << Math.min(count - 1, 20));
        return delay.compareTo(interval) > 0 ? interval : delay;
    }

    void succeeded(ObjectKey key) {
        failures.remove(key);
    }
}
