package io.sluice.cli.e2e;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls something until it is as wanted, or fails saying what was wanted and what was seen last. */
final class Await {

    private static final long POLL_MILLIS = 100;

    private Await() {
    }

    static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T seen = probe.get();
        while (!wanted.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what + "; last seen: " + seen);
            }
            Thread.sleep(POLL_MILLIS);
            seen = probe.get();
        }
        return seen;
    }
}
