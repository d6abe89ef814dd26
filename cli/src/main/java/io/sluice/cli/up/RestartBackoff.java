package io.sluice.cli.up;

import java.time.Duration;

/**
 * How long a service that exited waits before it is started again: {@code initial}, doubled for each exit in a row,
 * at most {@code max} (as Kubernetes' CrashLoopBackOff, shorter: a local pipeline should come back in seconds). A
 * service that ran at least {@code healthyAfter} before exiting starts the count again: it was not crash-looping.
 */
public record RestartBackoff(Duration initial, Duration max, Duration healthyAfter) {

    /** 1 s, 2 s, 4 s, ... at most 30 s; a minute of running forgives earlier exits. */
    public static final RestartBackoff DEFAULT = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));

    /** The delay before the {@code inARow}-th restart in a row (1 for the first). */
    public Duration delay(int inARow) {
        Duration delay = initial;
        for (int i = 1; i < inARow && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
