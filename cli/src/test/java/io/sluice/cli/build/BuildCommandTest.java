package io.sluice.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.SluiceCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code sluice build DIR} against outputs recorded from {@code kubectl kustomize} v1.35.2 (kustomize v5.7.1). */
class BuildCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SluiceCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(BuildCommandTest.class.getResource("/build/" + name).toURI());
    }

    @Test
    void printsWhatKustomizeBuildPrints() throws Exception {
        int exit = run("build", resource("web/base").toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo(Files.readString(resource("web/expected.yaml")));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void unknownKustomizationFieldFailsNamingTheFieldAndFile() throws Exception {
        int exit = run("build", resource("bad").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("foo").contains("kustomization.yaml");
    }

    @Test
    void missingFolderIsAClearError() {
        int exit = run("build", "/does/not/exist");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("/does/not/exist is not a folder");
    }

    @Test
    void onlyBuildDirTakesTheFastStartPath() {
        assertThat(FastStart.handles(new String[] {"build", "deploy/prod"})).isTrue();
        assertThat(FastStart.handles(new String[] {"build", "./kustomization"})).isTrue();
        assertThat(FastStart.handles(new String[] {"build"})).isFalse();
        assertThat(FastStart.handles(new String[] {"build", "--help"})).isFalse();
        assertThat(FastStart.handles(new String[] {"build", "kustomization"})).isFalse();
        assertThat(FastStart.handles(new String[] {"build", "ks"})).isFalse();
        assertThat(FastStart.handles(new String[] {"build", "help"})).isFalse();
        assertThat(FastStart.handles(new String[] {"build", "a", "b"})).isFalse();
        assertThat(FastStart.handles(new String[] {"get", "ks"})).isFalse();
    }

    @Test
    void withoutDirAndWithoutSubcommandItIsAUsageError() {
        assertThat(run("build")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'DIR'");
    }
}
