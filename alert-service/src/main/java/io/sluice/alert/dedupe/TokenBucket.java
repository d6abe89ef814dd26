package io.sluice.alert.dedupe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket: up to {@code capacity} sends at once, refilled continuously at
 * {@code capacity} tokens per {@code period} (10 per minute by default in {@link StormGuard}).
 * Counted in integers (one token = {@code period} nanoseconds of credit, and each elapsed
 * nanosecond adds {@code capacity}), so no rounding ever loses a token. Not thread-safe;
 * {@link StormGuard} guards it.
 */
final class TokenBucket {

    private final Clock clock;
    private final long tokenCost;
    private final long maxCredit;
    private long credit;
    private Instant last;

    TokenBucket(Clock clock, int capacity, Duration period) {
        this.clock = clock;
        this.tokenCost = period.toNanos();
        this.maxCredit = Math.multiplyExact(tokenCost, (long) capacity);
        this.credit = maxCredit;
        this.last = clock.instant();
    }

    boolean tryTake() {
        Instant now = clock.instant();
        if (now.isAfter(last)) {
            // cap the gap first so a long idle time cannot overflow the multiplication
            long elapsed = Math.min(Duration.between(last, now).toNanos(), tokenCost);
            long capacity = maxCredit / tokenCost;
            credit = Math.min(maxCredit, credit + elapsed * capacity);
            last = now;
        }
        if (credit >= tokenCost) {
            credit -= tokenCost;
            return true;
        }
        return false;
    }
}
