package io.sluice.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SandboxBannerTest {

    @Test
    void listsEveryRunningPieceUnderTheSandboxHeadline() {
        SandboxBanner banner = new SandboxBanner("http://127.0.0.1:6443", "127.0.0.1:9092",
                "http://127.0.0.1:8418/git/", "/tmp/sluice/kubeconfig");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        banner.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);

        assertThat(banner.lines().get(1)).isEqualTo(SandboxBanner.HEADLINE);
        assertThat(SandboxBanner.HEADLINE).startsWith("SANDBOX:").contains("not a real cluster");
        assertThat(text).contains("Kubernetes API : http://127.0.0.1:6443", "Kafka          : 127.0.0.1:9092",
                "Git server     : http://127.0.0.1:8418/git/", "kubectl --kubeconfig /tmp/sluice/kubeconfig");
        // Framed: first and last lines are rules as wide as the widest line.
        int width = banner.lines().stream().mapToInt(String::length).max().orElseThrow();
        assertThat(banner.lines().get(0)).isEqualTo("=".repeat(width));
        assertThat(banner.lines().get(banner.lines().size() - 1)).isEqualTo("=".repeat(width));
    }

    @Test
    void leavesOutPiecesThatAreNotRunning() {
        SandboxBanner banner = SandboxBanner.of(null, null, null, null);
        assertThat(banner.toString()).contains(SandboxBanner.HEADLINE);
        assertThat(banner.lines()).noneMatch(l -> l.startsWith("Kafka") || l.startsWith("Git server")
                || l.startsWith("Kubernetes API") || l.startsWith("kubeconfig"));
        assertThat(new SandboxBanner(null, "127.0.0.1:1", null, Path.of("k").toString()).toString())
                .contains("Kafka").contains("kubeconfig     : k");
    }
}
