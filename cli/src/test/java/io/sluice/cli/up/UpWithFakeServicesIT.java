package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice up} from the shaded jar with the real Kafka, sandbox API and Git server, but small fake services
 * (see {@link FakeHome}), to make a service fail on purpose. {@link UpIT} runs the happy path with the real
 * services; ServiceProcessTest covers the readiness timeout.
 */
class UpWithFakeServicesIT {

    @TempDir
    Path dir;

    @Test
    void aServiceThatExitsStopsUpWithItsNameAndLog() throws Exception {
        Path home = FakeHome.create(dir.resolve("home"), Map.of("render-service", "exit"));
        try (UpRun up = new UpRun(dir, home, 60)) {
            assertThat(up.cli.awaitExit(Duration.ofSeconds(90))).as(up.cli.transcript()).isEqualTo(1);

            assertThat(up.cli.stderr())
                    .contains("sluice up failed: render-service exited with code 3 before it was ready.")
                    .contains(up.workDir.resolve("logs/render-service.log").toString())
                    .contains("| ERROR: could not connect to Kafka");
            assertThat(up.cli.stdout()).contains("Stopping services...", "Stopping Kafka broker...");
            up.assertEverythingStopped(List.of());
        }
    }
}
