package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.sandbox.LoopbackPorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that exits under {@code sluice up} is started again, the restart printed and counted (fake services). */
class ServiceSupervisorTest {

    private static final RestartBackoff QUICK = new RestartBackoff(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(1));

    @TempDir
    Path logs;

    private final ServiceGroup group = new ServiceGroup(Duration.ofSeconds(5));
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final List<Map<String, Integer>> counts = new CopyOnWriteArrayList<>();
    private ServiceSupervisor supervisor;

    @AfterEach
    void stopAll() {
        if (supervisor != null) {
            supervisor.close();
        }
        group.close();
    }

    private ServiceProcess startReady(String name) throws InterruptedException {
        ServiceProcess service = ServiceProcess.start(FakeServices.launch(name, LoopbackPorts.free(), "ready", logs));
        group.add(service);
        new ReadinessWaiter(Duration.ofSeconds(30)).awaitAll(List.of(service), r -> { });
        return service;
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aKilledServiceIsRestartedPrintedCountedAndReadyAgain() throws Exception {
        ServiceProcess apply = startReady("apply-service");
        ServiceProcess render = startReady("render-service");
        supervisor = new ServiceSupervisor(group, QUICK, Duration.ofSeconds(30), out, counts::add);
        supervisor.superviseAll();

        apply.kill();

        ServiceProcess again = awaitReadyAgain("apply-service", apply);
        assertThat(again.pid()).isNotEqualTo(apply.pid());
        assertThat(render.isAlive()).as("the other service is left alone").isTrue();
        assertThat(printed()).contains("⟳ apply-service exited (exit code 137) after", "restarting it in 200 ms (restart 1; log: ");
        assertThat(supervisor.restarts()).isEqualTo(Map.of("apply-service", 1));
        assertThat(counts).contains(Map.of("apply-service", 1));
        assertThat(Files.readString(again.logFile())).containsPattern("(?s)fake service starting.*fake service starting");

        again.kill();
        ServiceProcess third = awaitReadyAgain("apply-service", again);
        assertThat(printed()).as("the second exit in a row waits twice as long")
                .contains("restarting it in 400 ms (restart 2;");
        assertThat(supervisor.restarts()).isEqualTo(Map.of("apply-service", 2));
        assertThat(third.isAlive()).isTrue();
    }

    @Test
    void servicesStoppedWithUpAreNotRestarted() throws Exception {
        ServiceProcess apply = startReady("apply-service");
        supervisor = new ServiceSupervisor(group, QUICK, Duration.ofSeconds(30), out, counts::add);
        supervisor.superviseAll();

        supervisor.close();
        group.close();
        Thread.sleep(QUICK.initial().toMillis() * 3);

        assertThat(apply.isAlive()).isFalse();
        assertThat(group.services()).containsExactly(apply);
        assertThat(printed()).doesNotContain("restart");
        assertThat(counts).isEmpty();
    }

    @Test
    void theBackoffDoublesUpToItsMaximum() {
        RestartBackoff backoff = RestartBackoff.DEFAULT;
        assertThat(List.of(backoff.delay(1), backoff.delay(2), backoff.delay(3), backoff.delay(6), backoff.delay(40)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
    }

    private ServiceProcess awaitReadyAgain(String name, ServiceProcess before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ServiceProcess now = group.service(name);
            if (now != before && printed().contains("✔ " + name + " ready again") && countReady(name) >= restartsOf(name)) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " was not restarted and ready within 60 s; printed:\n" + printed());
    }

    private long countReady(String name) {
        return printed().lines().filter(line -> line.startsWith("✔ " + name + " ready again")).count();
    }

    private int restartsOf(String name) {
        return supervisor.restarts().getOrDefault(name, 0);
    }
}
