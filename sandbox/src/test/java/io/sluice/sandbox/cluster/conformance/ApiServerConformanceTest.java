package io.sluice.sandbox.cluster.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.sandbox.cluster.SandboxCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sandbox API server against a real kube-apiserver's recorded answers ({@code src/test/conformance}, a copy of
 * the project's {@code shared/apiserver-conformance}): {@code check.py} replays every scenario against a fresh
 * sandbox and compares status, content type, Warning headers and masked bodies step by step.
 *
 * <p>The steps the sandbox is known to fail are listed, each with its reason, in
 * {@code src/test/conformance/known-failures.txt} (and explained in docs/sandbox.md). The test fails when a step
 * outside that list fails (the sandbox got worse) and when a listed step passes (the list is stale: take it out, so
 * it cannot quietly fail again). A step listed with a leading {@code ?} depends on wall-clock timing (managedFields
 * times are whole seconds, and whether two writes share a second decides an entry's time and order): it may pass or
 * fail, and neither fails the test. The full report is written to {@code target/apiserver-conformance.txt}.
 *
 * <p>{@code -Dconformance.scenarios=07,23} replays only the scenarios whose file names start with those prefixes
 * (the known failures of the others are then not checked).
 */
class ApiServerConformanceTest {

    private static final Path CONFORMANCE = Path.of("src", "test", "conformance");
    private static final Path REPORT = Path.of("target", "apiserver-conformance.txt");

    @Test
    void sandboxAnswersAsTheRecordedKubeApiserverExceptForTheKnownFailures() throws Exception {
        List<String> prefixes = scenarioPrefixes();
        CheckRun run;
        try (SandboxCluster cluster = SandboxCluster.start()) {
            run = CheckRun.against(cluster, CONFORMANCE.resolve("check.py"), prefixes);
        }
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, run.output());

        Set<String> known = knownFailures(prefixes, false);
        Set<String> timing = knownFailures(prefixes, true);
        Set<String> regressed = new TreeSet<>(run.failed());
        regressed.removeAll(known);
        regressed.removeAll(timing);
        Set<String> stale = new TreeSet<>(known);
        stale.removeAll(run.failed());

        assertThat(run.total()).as("steps replayed (is python3 there? see %s)", REPORT).isPositive();
        assertThat(regressed)
                .as("steps the sandbox now fails that it passed before (details in %s; %d/%d pass)", REPORT, run.passed(), run.total())
                .isEmpty();
        assertThat(stale)
                .as("steps listed in known-failures.txt that pass now: take them out of the list (and docs/sandbox.md)")
                .isEmpty();
    }

    private static List<String> scenarioPrefixes() {
        String wanted = System.getProperty("conformance.scenarios", "").trim();
        return wanted.isEmpty() ? List.of() : List.of(wanted.split("\\s*,\\s*"));
    }

    /**
     * {@code scenario/step} of every listed failure (in the chosen scenarios): those that always fail, or with
     * {@code timingDependent} those listed with a leading {@code ?}; '#' starts a comment.
     */
    private static Set<String> knownFailures(List<String> prefixes, boolean timingDependent) throws IOException {
        Set<String> known = new TreeSet<>();
        for (String line : Files.readAllLines(CONFORMANCE.resolve("known-failures.txt"), StandardCharsets.UTF_8)) {
            String entry = line.replaceFirst("#.*", "").trim();
            if (entry.isEmpty() || entry.startsWith("?") != timingDependent) {
                continue;
            }
            String step = entry.replaceFirst("^\\?", "").split("\\s+")[0];
            if (prefixes.isEmpty() || prefixes.stream().anyMatch(step::startsWith)) {
                known.add(step);
            }
        }
        return known;
    }

    /** One run of check.py: its whole output, and the steps that failed as {@code scenario/step}. */
    record CheckRun(String output, Set<String> failed, int passed, int total) {

        static CheckRun against(SandboxCluster cluster, Path checkScript, List<String> prefixes) throws Exception {
            List<String> command = new ArrayList<>(List.of("python3", checkScript.toString(), cluster.masterUrl(),
                    cluster.token()));
            command.addAll(prefixes);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] bytes = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("check.py did not finish within 10 minutes");
            }
            return parse(new String(bytes, StandardCharsets.UTF_8));
        }

        /** Reads check.py's lines: "== NAME (recorded from …)", "  PASS id", "  FAIL id METHOD PATH", the total. */
        static CheckRun parse(String output) {
            Set<String> failed = new TreeSet<>();
            String scenario = "?";
            int passed = 0;
            int total = 0;
            for (String line : output.split("\n")) {
                if (line.startsWith("== ")) {
                    scenario = line.substring(3).split(" ")[0];
                } else if (line.startsWith("  PASS ")) {
                    passed++;
                    total++;
                } else if (line.startsWith("  FAIL ") || line.startsWith("  SKIP ")) {
                    failed.add(scenario + "/" + line.substring(7).split(" ")[0]);
                    total++;
                }
            }
            return new CheckRun(output, failed, passed, total);
        }
    }
}
