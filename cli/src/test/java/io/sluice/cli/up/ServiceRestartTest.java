package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.sandbox.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Killing one service and starting it again (the end-to-end test's "killed mid-push" step), with fake services. */
class ServiceRestartTest {

    @TempDir
    Path logs;

    private final ServiceGroup group = new ServiceGroup(Duration.ofSeconds(5));

    @AfterEach
    void stopAll() {
        group.close();
    }

    private ServiceProcess startReady(String name) throws InterruptedException {
        ServiceProcess service = ServiceProcess.start(FakeServices.launch(name, LoopbackPorts.free(), "ready", logs));
        group.add(service);
        new ReadinessWaiter(Duration.ofSeconds(30)).awaitAll(List.of(service), r -> { });
        return service;
    }

    @Test
    void aKilledServiceIsStartedAgainWithTheSameCommandAndItsLogKept() throws Exception {
        ServiceProcess first = startReady("apply-service");
        ServiceProcess other = startReady("render-service");

        first.kill();
        assertThat(first.isAlive()).as("alive after kill()").isFalse();
        assertThat(first.exitValue()).as("exit code of SIGKILL").isEqualTo(137);

        ServiceProcess again = group.restart("apply-service");
        new ReadinessWaiter(Duration.ofSeconds(30)).awaitAll(List.of(again), r -> { });

        assertThat(again.pid()).isNotEqualTo(first.pid());
        assertThat(again.launch()).isEqualTo(first.launch());
        assertThat(group.service("apply-service")).isSameAs(again);
        assertThat(group.services()).containsExactly(again, other);
        assertThat(Files.readString(again.logFile())).as("the log holds both runs")
                .containsPattern("(?s)fake service starting.*fake service starting");

        group.close();
        assertThat(again.isAlive()).as("the restarted service is stopped with the group").isFalse();
        assertThat(other.isAlive()).isFalse();
    }

    @Test
    void aServiceRunsInTheDirectoryOfItsLaunch() throws Exception {
        Path directory = logs.resolve("work").resolve("render-service");
        ServiceLaunch fake = FakeServices.launch("render-service", LoopbackPorts.free(), "ready", logs);
        ServiceLaunch launch = new ServiceLaunch(fake.name(), fake.port(), fake.command(), fake.environment(), fake.logFile(), directory);

        ServiceProcess service = ServiceProcess.start(launch);
        group.add(service);
        new ReadinessWaiter(Duration.ofSeconds(30)).awaitAll(List.of(service), r -> { });

        assertThat(directory).as("created for the service").isDirectory();
        Path cwd = Path.of("/proc", Long.toString(service.pid()), "cwd");
        if (Files.exists(cwd)) { // Linux shows a process's working directory there
            assertThat(cwd.toRealPath()).isEqualTo(directory.toRealPath());
        }
    }

    @Test
    void aRunningServiceIsNotStartedTwice() throws Exception {
        ServiceProcess running = startReady("source-service");

        assertThatThrownBy(() -> group.restart("source-service"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("source-service (pid " + running.pid() + ") is still running");
        assertThat(group.services()).containsExactly(running);
    }

    @Test
    void anUnknownNameSaysWhichServicesThereAre() throws Exception {
        startReady("webhook-gateway");

        assertThatThrownBy(() -> group.service("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no service named 'nope' in this group; it has [webhook-gateway]");
    }

    @Test
    void servicesGetTheKafkaClientSettingsOfALocalPipeline() {
        ServiceLaunch launch = ServiceLaunch.forService(new SluiceService("apply-service", 8084), 8084, Path.of("x.jar"),
                new ServiceLaunch.Settings("java", "127.0.0.1:9092", "/k", Path.of("/w"), Path.of("/w/logs"), 1));

        assertThat(launch.command()).contains("-Dkafka.session.timeout.ms=10000", "-Dkafka.heartbeat.interval.ms=1000",
                "-Dkafka.linger.ms=0");
    }
}
