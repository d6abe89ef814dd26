package io.sluice.kit.reconcile;

import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReconcileSchedulerTest {

    private static final ObjectKey A = ObjectKey.of("GitRepository", "default", "a");

    @Test
    void requestsDuringARunCollapseIntoOneMoreRunAndNeverOverlap() throws InterruptedException {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        try (ReconcileScheduler scheduler = new ReconcileScheduler(4, key -> {
            if (concurrent.incrementAndGet() > 1) {
                overlapped.set(true);
            }
            if (runs.incrementAndGet() == 1) {
                firstStarted.countDown();
                waitFor(release);
            }
            concurrent.decrementAndGet();
            return null;
        }, key -> true)) {
            scheduler.requestNow(A);
            assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 10; i++) {
                scheduler.requestNow(A);
            }
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
            Thread.sleep(200);
            assertThat(runs.get()).as("ten requests during the first run give exactly one more").isEqualTo(2);
            assertThat(overlapped.get()).isFalse();
        }
    }

    @Test
    void theAnswerPlansTheNextRunAndTimersSkipObjectsNotWanted() {
        List<Long> times = new CopyOnWriteArrayList<>();
        AtomicBoolean wanted = new AtomicBoolean(true);
        try (ReconcileScheduler scheduler = new ReconcileScheduler(1, key -> {
            times.add(System.nanoTime());
            return Duration.ofMillis(100);
        }, key -> wanted.get())) {
            scheduler.requestNow(A);
            await().atMost(Duration.ofSeconds(5)).until(() -> times.size() >= 3);
            assertThat(times.get(2) - times.get(1)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(90));
            wanted.set(false);
            int seen = times.size();
            await().pollDelay(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> true);
            assertThat(times.size()).as("at most the run already under way when ownership moved").isLessThanOrEqualTo(seen + 1);
        }
    }

    @Test
    void forgetCancelsThePlannedRun() {
        AtomicInteger runs = new AtomicInteger();
        try (ReconcileScheduler scheduler = new ReconcileScheduler(1, key -> {
            runs.incrementAndGet();
            return Duration.ofMillis(200);
        }, key -> true)) {
            scheduler.requestNow(A);
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
            scheduler.forget(A);
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
            assertThat(runs.get()).isEqualTo(1);
        }
    }

    @Test
    void anUnexpectedExceptionDoesNotStopTheScheduler() {
        AtomicInteger runs = new AtomicInteger();
        ObjectKey b = ObjectKey.of("GitRepository", "default", "b");
        try (ReconcileScheduler scheduler = new ReconcileScheduler(1, key -> {
            runs.incrementAndGet();
            if (key.equals(A)) {
                throw new IllegalStateException("boom");
            }
            return null;
        }, key -> true)) {
            scheduler.requestNow(A);
            scheduler.requestNow(b);
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
