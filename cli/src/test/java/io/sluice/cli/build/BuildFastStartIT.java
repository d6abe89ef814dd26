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
 * everything else still reaches picocli.
 */
class BuildFastStartIT {

    private record Result(int exit, String out, String err) {
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(BuildFastStartIT.class.getResource("/build/" + name).toURI());
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("sluice.cli.jar", "target/sluice-cli.jar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LANG", "C");   // Java 17 would then print '?' for every non-ASCII character
        builder.environment().remove("LC_ALL");
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
}
