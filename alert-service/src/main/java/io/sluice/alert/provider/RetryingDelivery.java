package io.sluice.alert.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * Sends with retries: a retryable {@link DeliveryException} (timeout, connection failure, 5xx, 429)
 * is tried again after the {@link Backoff} delay until {@code maxAttempts}; then, or at once for a
 * non-retryable error, the notification goes to the {@link DeadLetterSink}. Nothing is dropped
 * silently.
 *
 * <p>It blocks the calling thread while it waits, so the caller gives each Provider its own
 * worker: one failing Provider must never delay the others.
 */
public final class RetryingDelivery {

    /** One attempt at sending, usually {@code provider::send}. */
    @FunctionalInterface
    public interface Attempt {
        void send(Notification notification) throws DeliveryException;
    }

    /** Waits between attempts; tests pass one that only records. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
    }

    /** How a delivery ended. */
    public sealed interface Outcome {
        record Delivered(int attempts) implements Outcome {
        }

        record DeadLettered(DeliveryException lastError, int attempts) implements Outcome {
        }
    }

    private final Backoff backoff;
    private final Sleeper sleeper;
    private final DeadLetterSink deadLetters;

    public RetryingDelivery(Backoff backoff, Sleeper sleeper, DeadLetterSink deadLetters) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    }

    public Outcome deliver(String provider, Attempt attempt, Notification notification) {
        for (int n = 1; ; n++) {
            try {
                attempt.send(notification);
                return new Outcome.Delivered(n);
            } catch (DeliveryException e) {
                if (!e.retryable() || n >= backoff.maxAttempts()) {
                    return deadLetter(provider, notification, e, n);
                }
                try {
                    sleeper.sleep(backoff.delayAfter(n));
                } catch (InterruptedException interrupted) {
                    // shutting down: hand over what we have rather than lose it
                    Thread.currentThread().interrupt();
                    return deadLetter(provider, notification, new DeliveryException(e.getMessage()
                            + " (interrupted while waiting to retry)", true, e.status(), e), n);
                }
            }
        }
    }

    private Outcome deadLetter(String provider, Notification notification, DeliveryException error, int attempts) {
        deadLetters.deadLetter(provider, notification, error, attempts);
        return new Outcome.DeadLettered(error, attempts);
    }
}
