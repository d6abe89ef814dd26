package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.sandbox.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts fake services as real child processes and waits for them the way {@code sluice up} does. */
class ServiceProcessTest {

    @TempDir
    Path logs;

    private final ServiceGroup group = new ServiceGroup(Duration.ofSeconds(5));

    @AfterEach
    void stopAll() {
        group.close();
    }

    private ServiceProcess start(String name, String mode) {
        ServiceProcess service = ServiceProcess.start(FakeServices.launch(name, LoopbackPorts.free(), mode, logs));
        group.add(service);
        return service;
    }

    @Test
    void waitsUntilEveryServiceIsReady() throws Exception {
        ServiceProcess first = start("first", "ready");
        ServiceProcess second = start("second", "ready");
        List<String> ready = new ArrayList<>();

        new ReadinessWaiter(Duration.ofSeconds(30)).awaitAll(List.of(first, second), r -> ready.add(r.service().name()));

        assertThat(ready).containsExactlyInAnyOrder("first", "second");
        assertThat(Files.readString(first.logFile()))
                .contains("fake service starting")
                .contains("SLUICE_PARENT_PID=" + ProcessHandle.current().pid());
    }

    @Test
    void aServiceThatExitsFailsTheWaitWithItsNameAndLog() {
        ServiceProcess healthy = start("healthy", "ready");
        ServiceProcess broken = start("render-service", "exit");

        assertThatThrownBy(() -> new ReadinessWaiter(Duration.ofSeconds(30)).awaitAll(List.of(healthy, broken), r -> { }))
                .isInstanceOf(UpFailedException.class)
                .hasMessageContaining("render-service exited with code 3 before it was ready")
                .hasMessageContaining(broken.logFile().toString())
                .hasMessageContaining("| ERROR: could not connect to Kafka at 127.0.0.1:1");
    }

    @Test
    void aServiceThatNeverGetsReadyFailsAtTheTimeout() {
        ServiceProcess slow = start("apply-service", "not-ready");

        long started = System.nanoTime();
        assertThatThrownBy(() -> new ReadinessWaiter(Duration.ofSeconds(3)).awaitAll(List.of(slow), r -> { }))
                .isInstanceOf(UpFailedException.class)
                .hasMessageContaining("apply-service was not ready within 3 s")
                .hasMessageContaining("/q/health/ready")
                .hasMessageContaining("--timeout")
                .hasMessageContaining("| fake service starting");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(slow.isAlive()).as("the waiter only reports; stopping is the caller's job").isTrue();
    }

    @Test
    void stoppingTheGroupEndsEveryProcess() throws Exception {
        ServiceProcess a = start("a", "ready");
        ServiceProcess b = start("b", "ready");
        new ReadinessWaiter(Duration.ofSeconds(30)).awaitAll(List.of(a, b), r -> { });

        group.close();

        assertThat(a.isAlive()).isFalse();
        assertThat(b.isAlive()).isFalse();
        assertThat(PortCheck.isFree(a.port())).isTrue();
    }

    @Test
    void aServiceThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
        ServiceGroup impatient = new ServiceGroup(Duration.ofSeconds(1));
        ServiceProcess stubborn = ServiceProcess.start(FakeServices.launch("stubborn", LoopbackPorts.free(), "stubborn", logs));
        impatient.add(stubborn);
        group.add(stubborn);
        new ReadinessWaiter(Duration.ofSeconds(30)).awaitAll(List.of(stubborn), r -> { });

        long started = System.nanoTime();
        impatient.close();

        assertThat(stubborn.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(8));
    }

    @Test
    void aServiceAddedAfterTheGroupStoppedIsStoppedAtOnce() {
        ServiceGroup stopped = new ServiceGroup(Duration.ofSeconds(5));
        stopped.close();
        ServiceProcess late = ServiceProcess.start(FakeServices.launch("late", LoopbackPorts.free(), "ready", logs));
        group.add(late);

        assertThatThrownBy(() -> stopped.add(late)).hasMessageContaining("late was shut down again");
        assertThat(late.isAlive()).isFalse();
    }

    @Test
    void aCommandThatCannotRunIsReportedWithTheService() {
        ServiceLaunch launch = new ServiceLaunch("ghost", 1, List.of("/no/such/java", "-jar", "x.jar"), java.util.Map.of(),
                logs.resolve("ghost.log"));

        assertThatThrownBy(() -> ServiceProcess.start(launch))
                .isInstanceOf(UpFailedException.class)
                .hasMessageContaining("Could not start ghost (/no/such/java -jar x.jar)");
    }

    @Test
    void tailKeepsTheLastLines() throws Exception {
        Path log = logs.resolve("long.log");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(log, text);

        assertThat(ServiceProcess.tail(log, 3)).containsExactly("line 98", "line 99", "line 100");
        assertThat(ServiceProcess.tail(logs.resolve("missing.log"), 3)).isEmpty();
    }

    @Test
    void tailSurvivesBytesThatAreNotUtf8() throws Exception {
        Path log = logs.resolve("binary.log");
        Files.write(log, new byte[] {'o', 'k', '\n', (byte) 0xff, (byte) 0xfe, '\n'});

        assertThat(ServiceProcess.tail(log, 5)).hasSize(2).first().isEqualTo("ok");
    }
}
