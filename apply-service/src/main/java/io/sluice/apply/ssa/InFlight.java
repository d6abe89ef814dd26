package io.sluice.apply.ssa;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Runs one asynchronous request per item with at most {@value #LIMIT} in flight, and returns each item's
 * outcome in input order. kubectl sends one request after the other; a few at once keep the API server
 * busy while the client prepares the next, without flooding it (the server's own limit, max-requests-inflight,
 * defaults to 400). No threads are started: the HTTP client's event loop completes the requests.
 *
 * <p>The calling thread starts the requests; when the window is full it sleeps until half of it is free
 * ({@value #RESUME_AT} in flight) and then starts the next batch. Waking it for every answer (a semaphore)
 * cost a thread wake-up, two system calls, per request on both threads.
 */
final class InFlight {

    /** Requests in flight at once during one apply run. */
    static final int LIMIT = 16;
    /** When the calling thread, waiting for a free place, is woken. */
    static final int RESUME_AT = LIMIT / 2;

    private InFlight() {
    }

    /**
     * @param request  starts the request for one item
     * @param outcome  turns a result, or the request's failure (the cause, unwrapped), into the item's outcome
     */
    static <T, R, O> List<O> map(List<T> items, Function<T, CompletableFuture<R>> request, Outcome<T, R, O> outcome) {
        Thread caller = Thread.currentThread();
        AtomicInteger inFlight = new AtomicInteger();
        List<CompletableFuture<O>> pending = new ArrayList<>(items.size());
        for (T item : items) {
            while (inFlight.get() >= LIMIT) {
                LockSupport.park(InFlight.class); // woken at RESUME_AT; a stray wake-up just checks again
            }
            inFlight.incrementAndGet();
            CompletableFuture<R> started;
            try {
                started = request.apply(item);
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            pending.add(started.handle((result, failure) -> {
                if (inFlight.decrementAndGet() == RESUME_AT) {
                    LockSupport.unpark(caller);
                }
                return outcome.of(item, result, unwrap(failure));
            }));
        }
        List<O> outcomes = new ArrayList<>(pending.size());
        for (CompletableFuture<O> future : pending) {
            outcomes.add(future.join());
        }
        return outcomes;
    }

    /** What one item came to: {@code failure} is non-null when the request failed (and {@code result} then null). */
    @FunctionalInterface
    interface Outcome<T, R, O> {
        O of(T item, R result, Throwable failure);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
