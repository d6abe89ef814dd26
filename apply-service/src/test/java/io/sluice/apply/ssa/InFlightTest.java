package io.sluice.apply.ssa;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** InFlight: a window of requests answered on other threads, outcomes in input order. */
class InFlightTest {

    private final ScheduledExecutorService server = Executors.newScheduledThreadPool(4);

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void keepsAtMostTheLimitInFlightAndReturnsOutcomesInInputOrder() {
        List<Integer> items = IntStream.range(0, 500).boxed().toList();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();

        List<String> outcomes = InFlight.map(items, item -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<Integer> answer = new CompletableFuture<>();
            // answered out of order, on the "server's" threads
            server.schedule(() -> {
                inFlight.decrementAndGet();
                answer.complete(item * 2);
            }, ThreadLocalRandom.current().nextInt(0, 300), TimeUnit.MICROSECONDS);
            return answer;
        }, (item, result, failure) -> item + "=" + result);

        assertThat(outcomes).hasSize(500);
        assertThat(outcomes.get(0)).isEqualTo("0=0");
        assertThat(outcomes.get(499)).isEqualTo("499=998");
        assertThat(outcomes).isEqualTo(items.stream().map(i -> i + "=" + i * 2).toList());
        assertThat(most.get()).isLessThanOrEqualTo(InFlight.LIMIT).isGreaterThan(1);
    }

    @Test
    void aFailedRequestIsThatItemsOutcomeWithTheCauseUnwrapped() {
        List<String> outcomes = InFlight.map(List.of("ok", "refused", "thrown"), item -> switch (item) {
            case "ok" -> CompletableFuture.supplyAsync(() -> "fine", server);
            case "refused" -> CompletableFuture.supplyAsync(() -> {
                throw new IllegalStateException("server said no");
            }, server);
            default -> throw new IllegalArgumentException("could not even start");
        }, (item, result, failure) -> failure == null ? result : failure.getClass().getSimpleName() + ": " + failure.getMessage());

        assertThat(outcomes).containsExactly("fine", "IllegalStateException: server said no",
                "IllegalArgumentException: could not even start");
    }

    @Test
    void noItemsNoRequests() {
        assertThat(InFlight.map(List.<String>of(), item -> {
            throw new AssertionError("no request expected");
        }, (item, result, failure) -> item)).isEmpty();
    }
}
