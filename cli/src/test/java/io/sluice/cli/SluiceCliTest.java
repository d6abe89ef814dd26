package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line as a user meets it: in-process, with output captured. */
class SluiceCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SluiceCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionPrintsTheProjectVersion() {
        int code = run("version");

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("sluice " + SluiceVersion.current()).contains("Java 17");
        assertThat(SluiceVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
    }

    @Test
    void dashDashVersionAgreesWithTheCommand() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("sluice " + SluiceVersion.current());
    }

    @Test
    void helpListsTheCommandsThatExist() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("up", "get", "reconcile", "build", "version").doesNotContain("diff");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        int code = run("diff", "kustomization/quickstart");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched arguments").contains("diff");
    }

    @Test
    void noCommandIsAUsageErrorThatPointsAtUp() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command").contains("sluice up");
    }

    @Test
    void upRejectsAContextWithoutAKubeconfig() {
        assertThat(run("up", "--context", "kind-dev")).isEqualTo(2);
        assertThat(err.toString()).contains("--context needs --kubeconfig FILE");
    }

    @Test
    void upRejectsARegistryGivenAsAUrl() {
        assertThat(run("up", "--registry", "http://127.0.0.1:5000")).isEqualTo(2);
        assertThat(err.toString()).contains("--registry takes HOST or HOST:PORT").contains("no scheme, no path");
    }

    @Test
    void upRejectsARegistryWithAPath() {
        assertThat(run("up", "--registry", "127.0.0.1:5000/team")).isEqualTo(2);
        assertThat(err.toString()).contains("--registry takes HOST or HOST:PORT");
    }

    @Test
    void upRejectsAZeroTimeout() {
        assertThat(run("up", "--timeout", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--timeout must be at least 1 second");
    }

    @Test
    void upRejectsAPortThatIsNotANumber() {
        assertThat(run("up", "--kafka-port", "ninety")).isEqualTo(2);
        assertThat(err.toString()).contains("--kafka-port").contains("ninety");
    }

    @Test
    void upHelpShowsTheDefaultsAndExitCodes() {
        assertThat(run("up", "--help")).isZero();
        assertThat(out.toString())
                .contains("--kafka-port=PORT", "default: 9092")
                .contains("--api-port=PORT", "default: 6443")
                .contains("--git-port=PORT", "default: 8090")
                .contains("--service-ports-from=PORT", "default: 8081")
                .contains("--work-dir=DIR", "default: .sluice")
                .contains("143");
    }

    @Test
    void everyCommandsHelpEndsWithAnExample() {
        List<String> without = new ArrayList<>();
        collectWithoutExamples(SluiceCli.commandLine(), without);
        assertThat(without).as("commands whose --help has no Examples section").isEmpty();

        assertThat(run("get", "--help")).isZero();
        assertThat(out.toString()).contains("\nExamples:\n  sluice get\n").endsWith("  sluice get images" + System.lineSeparator());
    }

    private static void collectWithoutExamples(CommandLine command, List<String> without) {
        if (!command.getCommandName().equals("help") && !Examples.present(command)) {
            without.add(command.getCommandSpec().qualifiedName());
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> collectWithoutExamples(sub, without));
    }

    @Test
    void reconcileHelpShowsKindAndNameOnce() {
        assertThat(run("help", "reconcile")).isZero();
        List<String> lines = out.toString().lines().toList();
        int first = lines.indexOf(lines.stream().filter(line -> line.startsWith("Usage:")).findFirst().orElseThrow());
        StringBuilder synopsis = new StringBuilder(lines.get(first));
        for (int i = first + 1; i < lines.size() && lines.get(i).startsWith(" "); i++) {
            synopsis.append(' ').append(lines.get(i).strip());
        }
        assertThat(synopsis.toString()).contains("KIND NAME").doesNotContain("(KIND NAME KIND NAME)").doesNotContain("...");
    }
}
