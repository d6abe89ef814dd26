package io.sluice.alert.provider;

import java.time.Duration;

/**
 * Exponential backoff between delivery attempts: {@code initial}, then times {@code multiplier}
 * after each failure, never more than {@code max}; {@code maxAttempts} counts the first try.
 * Defaults: 5 attempts, 1 s, 2 s, 4 s, 8 s between them (15 s in all, then the dead-letter topic).
 */
public record Backoff(int maxAttempts, Duration initial, Duration max, double multiplier) {

    public static final Backoff DEFAULTS = new Backoff(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0);

    public Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initial == null || initial.isNegative() || max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max, got initial " + initial + ", max " + max);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("backoff multiplier must be >= 1, got " + multiplier);
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        double nanos = initial.toNanos() * Math.pow(multiplier, attempt - 1);
        return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
    }
}
