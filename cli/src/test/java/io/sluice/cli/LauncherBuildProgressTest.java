package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher {@code ./sluice} shows a first build module by module: its {@code build_progress} function, fed
 * Maven's output, prints one line per module with the elapsed time and nothing else. (The build itself is not run
 * here: it would install into the shared local repository.)
 */
class LauncherBuildProgressTest {

    private static final Path LAUNCHER = Path.of(System.getProperty("sluice.home"), "sluice");

    @Test
    void printsOneLinePerModuleWithTheElapsedTime() throws Exception {
        String maven = """
                [INFO] Reactor Build Order:
                [INFO] Sluice :: API                                                      [jar]
                [INFO] ------------------------< io.sluice:sluice-api >------------------------
                [INFO] Building Sluice :: API 0.1.0-SNAPSHOT                              [2/14]
                [INFO] Building jar: /x/api/target/sluice-api-0.1.0-SNAPSHOT.jar
                [WARNING] something a module printed
                [INFO] Building webhook-gateway 0.1.0-SNAPSHOT                           [9/14]
                """;
        String script = "eval \"$(sed -n '/^build_progress() {/,/^}/p' '" + LAUNCHER + "')\"; build_progress";
        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        bash.getOutputStream().write(maven.getBytes(StandardCharsets.UTF_8));
        bash.getOutputStream().close();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String printed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(Files.readString(LAUNCHER)).contains("| build_progress >&2");
        assertThat(printed).isEqualTo("  [2/14] Sluice :: API (0:00 elapsed)\n  [9/14] webhook-gateway (0:00 elapsed)\n");
    }
}
