package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.sandbox.LoopbackPorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice up} with its Kafka port taken: it must refuse before starting anything. */
class UpPortInUseIT {

    @TempDir
    Path dir;

    @Test
    void aBusyKafkaPortEndsUpWithAMessageAndLeavesNothingBehind() throws Exception {
        Path workDir = dir.resolve("work");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();

            int exitCode;
            try (CliProcess cli = CliProcess.start(dir, "up", "--work-dir", workDir.toString(),
                    "--kafka-port", Integer.toString(port),
                    "--api-port", Integer.toString(LoopbackPorts.free()),
                    "--git-port", Integer.toString(LoopbackPorts.free()),
                    "--service-ports-from", Integer.toString(TestPorts.freeRange(6)))) {
                exitCode = cli.awaitExit(Duration.ofSeconds(60));

                assertThat(exitCode).as(cli.transcript()).isEqualTo(1);
                assertThat(cli.stderr())
                        .contains("sluice up failed: Port " + port + " (for the Kafka broker) is already in use on 127.0.0.1")
                        .contains("--kafka-port");
                assertThat(cli.stdout()).as("nothing was started").doesNotContain("Starting");
                assertThat(cli.handle().descendants().toList()).isEmpty();
            }
            assertThat(Processes.markedWith(workDir)).as("service processes left behind").isEmpty();
            assertThat(busy.isBound()).isTrue();
        }
    }

    @Test
    void everyBusyPortIsNamedAtOnce() throws Exception {
        try (ServerSocket git = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket api = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                CliProcess cli = CliProcess.start(dir, "up", "--work-dir", dir.resolve("work").toString(),
                        "--kafka-port", Integer.toString(LoopbackPorts.free()),
                        "--api-port", Integer.toString(api.getLocalPort()),
                        "--git-port", Integer.toString(git.getLocalPort()),
                        "--service-ports-from", Integer.toString(TestPorts.freeRange(6)))) {

            assertThat(cli.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(cli.stderr())
                    .contains("Port " + api.getLocalPort() + " (for the sandbox Kubernetes API server)", "--api-port")
                    .contains("Port " + git.getLocalPort() + " (for the Git server)", "--git-port");
        }
    }

    @Test
    void anUnknownCommandIsAUsageError() throws Exception {
        try (CliProcess cli = CliProcess.start(dir, "frobnicate")) {
            assertThat(cli.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(cli.stderr()).contains("Unmatched argument").contains("frobnicate");
        }
    }

    @Test
    void versionRunsFromTheShadedJar() throws Exception {
        try (CliProcess cli = CliProcess.start(dir, "version")) {
            assertThat(cli.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(cli.stdout()).startsWith("sluice 0.");
        }
    }
}
