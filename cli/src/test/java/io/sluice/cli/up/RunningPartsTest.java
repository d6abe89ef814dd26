package io.sluice.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningPartsTest {

    private final List<String> stopped = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final RunningParts parts = new RunningParts(new PrintStream(printed, true, StandardCharsets.UTF_8));

    private AutoCloseable part(String name) {
        return () -> stopped.add(name);
    }

    @Test
    void stopsInReverseOrderOfStarting() {
        parts.add("Kafka broker", part("kafka"));
        parts.add("sandbox Kubernetes API", part("cluster"));
        parts.add("Git server", part("git"));
        parts.add("services", part("services"));

        parts.close();

        assertThat(stopped).containsExactly("services", "git", "cluster", "kafka");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Stopping services...").contains("Stopping Kafka broker...");
    }

    @Test
    void aPartThatFailsToStopDoesNotKeepTheOthersRunning() {
        parts.add("Kafka broker", part("kafka"));
        parts.add("Git server", () -> {
            throw new IllegalStateException("jetty is stuck");
        });
        parts.add("services", part("services"));

        parts.close();

        assertThat(stopped).containsExactly("services", "kafka");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("could not stop Git server cleanly: jetty is stuck");
    }

    @Test
    void closingTwiceStopsOnce() {
        parts.add("Kafka broker", part("kafka"));

        parts.close();
        parts.close();

        assertThat(stopped).containsExactly("kafka");
        assertThat(parts.isClosed()).isTrue();
    }

    @Test
    void aPartStartedAfterShutdownBeganIsStoppedAtOnce() {
        parts.close();

        assertThatThrownBy(() -> parts.add("Git server", part("git")))
                .isInstanceOf(UpFailedException.class)
                .hasMessageContaining("Git server was shut down again");
        assertThat(stopped).containsExactly("git");
    }
}
