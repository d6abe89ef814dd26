package io.sluice.kit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the watchdog without Quarkus: a real child process plays the parent, a latch plays "exit the service". */
class ParentWatchdogTest {

    private static final Duration FAST = Duration.ofMillis(50);

    private final CountDownLatch exited = new CountDownLatch(1);
    private Process fakeParent;
    private ParentWatchdog watchdog;

    @AfterEach
    void cleanUp() {
        if (watchdog != null) {
            watchdog.stop();
        }
        if (fakeParent != null) {
            fakeParent.destroyForcibly();
        }
    }

    @Test
    void doesNothingWithoutTheVariable() throws Exception {
        watchdog = new ParentWatchdog(Map.of(), exited::countDown, FAST);
        watchdog.start();

        assertThat(watchdog.isWatching()).isFalse();
        assertThat(exited.await(300, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void blankVariableCountsAsUnset() {
        watchdog = new ParentWatchdog(Map.of(ParentWatchdog.PARENT_PID_ENV, " "), exited::countDown, FAST);

        assertThat(watchdog.isWatching()).isFalse();
    }

    @Test
    void keepsTheServiceWhileTheParentLivesAndExitsWhenItDies() throws Exception {
        fakeParent = new ProcessBuilder("sleep", "60").start();
        watchdog = new ParentWatchdog(Map.of(ParentWatchdog.PARENT_PID_ENV, Long.toString(fakeParent.pid())),
                exited::countDown, FAST);
        watchdog.start();

        assertThat(watchdog.isWatching()).isTrue();
        assertThat(exited.await(500, TimeUnit.MILLISECONDS)).as("exited while the parent still ran").isFalse();

        fakeParent.destroyForcibly().waitFor();

        assertThat(exited.await(3, TimeUnit.SECONDS)).as("exit after the parent died").isTrue();
    }

    @Test
    void exitsAtOnceWhenTheParentIsAlreadyGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        watchdog = new ParentWatchdog(Map.of(ParentWatchdog.PARENT_PID_ENV, Long.toString(gone.pid())),
                exited::countDown, FAST);
        watchdog.start();

        assertThat(exited.await(3, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void watchesTheRealParentOfThisJvm() throws Exception {
        long parentPid = ProcessHandle.current().parent().orElseThrow().pid();
        watchdog = new ParentWatchdog(Map.of(ParentWatchdog.PARENT_PID_ENV, Long.toString(parentPid)),
                exited::countDown, FAST);
        watchdog.start();

        assertThat(exited.await(300, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void aPidReusedByAnotherProcessCountsAsGone() {
        long self = ProcessHandle.current().pid();
        ParentWatchdog.Parent impostor = new ParentWatchdog.Parent(self,
                java.util.Optional.of(java.time.Instant.parse("2000-01-01T00:00:00Z")));

        assertThat(impostor.isAlive()).isFalse();
    }

    @Test
    void rejectsAValueThatIsNotAPid() {
        assertThatThrownBy(() -> new ParentWatchdog(Map.of(ParentWatchdog.PARENT_PID_ENV, "abc"), exited::countDown, FAST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SLUICE_PARENT_PID='abc' is not a process id");
        assertThatThrownBy(() -> new ParentWatchdog(Map.of(ParentWatchdog.PARENT_PID_ENV, "-4"), exited::countDown, FAST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }
}
