package io.sluice.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar sluice-cli.jar build ...} as a separate process: {@code build DIR} takes the fast start path
 * ({@link FastStart}) and prints exactly what picocli's {@link BuildCommand} would, UTF-8 whatever the locale;
 * everything else still reaches picocli. The small jar {@code sluice-build.jar} and its class-data sharing archive,
 * which the {@code ./sluice} launcher runs for {@code build DIR}, print the same.
 */
class BuildFastStartIT {

    private record Result(int exit, String out, String err) {
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(BuildFastStartIT.class.getResource("/build/" + name).toURI());
    }

    private static Path target() {
        return Path.of(System.getProperty("sluice.cli.jar", "target/sluice-cli.jar")).toAbsolutePath().getParent();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", target().resolve("sluice-cli.jar").toString()));
        command.addAll(List.of(args));
        return exec(command, false);
    }

    private static Result exec(List<String> command, boolean skipBuild) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LANG", "C");   // Java 17 would then print '?' for every non-ASCII character
        builder.environment().remove("LC_ALL");
        if (skipBuild) {
            builder.environment().put("SLUICE_SKIP_BUILD", "1");   // never `mvnw install` from a test
        }
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void buildDirPrintsWhatKubectlKustomizePrints() throws Exception {
        Result r = run("build", resource("web/base").toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(resource("web/expected.yaml")));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void nonAsciiTextIsPrintedAsUtf8WhateverTheLocale() throws Exception {
        Result r = run("build", resource("unicode/base").toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(resource("unicode/expected.yaml"), StandardCharsets.UTF_8));
    }

    @Test
    void aBuildErrorGoesToStandardErrorWithExitCode1() throws Exception {
        Result r = run("build", resource("bad").toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Error: ").contains("kustomization.yaml").contains("foo");
    }

    @Test
    void otherCommandLinesStillReachPicocli() throws Exception {
        Result help = run("build", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: sluice build").contains("kustomization");

        Result missing = run("build");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required parameter: 'DIR'");
    }

    @Test
    void theSmallJarWithItsArchivePrintsTheSame() throws Exception {
        // -Xshare:on: the JVM stops if it cannot use the archive, so this also checks that the archive is usable
        Result r = exec(List.of(java(), "-Xshare:on", "-XX:SharedArchiveFile=" + target().resolve("sluice-build.jsa"),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", target().resolve("sluice-build.jar").toString(),
                "io.sluice.cli.build.FastStart", "build", resource("unicode/base").toString()), false);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(resource("unicode/expected.yaml"), StandardCharsets.UTF_8));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theLauncherRunsTheSmallJar() throws Exception {
        Path launcher = Path.of(System.getProperty("sluice.home", "..")).resolve("sluice").toAbsolutePath();
        Result ok = exec(List.of(launcher.toString(), "build", resource("web/base").toString()), true);
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo(Files.readString(resource("web/expected.yaml")));
        assertThat(ok.err()).isEmpty();

        Result bad = exec(List.of(launcher.toString(), "build", resource("bad").toString()), true);
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).startsWith("Error: ");
    }
}
