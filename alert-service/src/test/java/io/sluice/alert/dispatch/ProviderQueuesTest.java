package io.sluice.alert.dispatch;

import io.sluice.api.meta.ObjectKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderQueuesTest {

    private static final ObjectKey SLOW = ObjectKey.of("Provider", "flux-system", "slow");
    private static final ObjectKey FAST = ObjectKey.of("Provider", "flux-system", "fast");

    @Test
    void aStuckProviderNeverDelaysAnother() throws Exception {
        ProviderQueues queues = new ProviderQueues(10);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch fastDone = new CountDownLatch(1);
        try {
            assertThat(queues.submit(SLOW, () -> await(release))).isTrue();
            assertThat(queues.submit(FAST, fastDone::countDown)).isTrue();
            assertThat(fastDone.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            queues.stop();
        }
    }

    @Test
    void aFullQueueRefusesInsteadOfBlocking() {
        ProviderQueues queues = new ProviderQueues(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            assertThat(queues.submit(SLOW, () -> await(release))).isTrue(); // running
            assertThat(queues.submit(SLOW, () -> { })).isTrue();            // waiting: the queue's one place
            assertThat(queues.submit(SLOW, () -> { })).isFalse();           // refused at once
        } finally {
            release.countDown();
            queues.stop();
        }
    }

    @Test
    void stopReturnsWhatNeverRanAndRefusesMore() {
        ProviderQueues queues = new ProviderQueues(5);
        CountDownLatch release = new CountDownLatch(1);
        Runnable waiting = () -> { };
        queues.submit(SLOW, () -> await(release));
        queues.submit(SLOW, waiting);
        List<Runnable> pending = queues.stop();
        release.countDown();
        assertThat(pending).containsExactly(waiting);
        assertThat(queues.submit(FAST, () -> { })).isFalse();
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new ProviderQueues(0)).hasMessageContaining("queue-capacity must be at least 1");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
