package io.sluice.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The start-up benchmark of {@code sluice build}: whole processes, a cold {@code sluice build DIR} (through the
 * {@code ./sluice} launcher, as users run it) against {@code kubectl kustomize DIR}, on the three trees of
 * {@link BenchTrees}. The target is at most 0.7 times kubectl's wall time on each tree.
 *
 * <p>Run it with the bench profile (it needs kubectl v1.35 on the PATH and the CLI packaged):
 * {@code ./mvnw -B -ntp -o -pl cli -am verify -Pbench -DskipTests -Dbench.startup.skip=false}. Steps:
 *
 * <ol>
 *   <li>write the trees under {@code cli/target/bench/trees};</li>
 *   <li>check that every command prints exactly what kubectl prints for every tree (else it stops);</li>
 *   <li>two warm-up runs of each command (file cache), then {@code bench.runs} (10) timed rounds; in each round every
 *       command runs once per tree, the order rotating from round to round so that no command always runs first;</li>
 *   <li>print, and write to {@code cli/target/bench/startup.txt}, the median, mean, min and max wall time of each
 *       command per tree and the ratio to kubectl, and the mean CPU time (user and system, the process and its
 *       children): on a loaded machine wall times swing with the load, CPU times much less.</li>
 * </ol>
 *
 * Besides the launcher, the variants show what each part buys: the small jar with its class-data sharing archive
 * and C1 and the serial GC but default compile thresholds (what the threshold scaling buys), with JVM defaults (what
 * the flags buy), the small jar with the launcher's flags but no archive (what the archive buys), the
 * full CLI jar on its fast path and through picocli with JVM defaults (how {@code sluice build} started before),
 * and, when a JDK 25 is found ({@code -Dbench.jdk25=PATH}, default {@code /usr/lib/jvm/temurin-25-jdk-amd64}), the small jar
 * with a JDK 25 ahead-of-time cache made from the same training tree as the archive.
 */
public final class StartupBenchmark {
    private static final double TARGET = 0.7;

    private record Command(String name, List<String> argv, Map<String, String> env) {
    }

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("sluice.home", "..")).toAbsolutePath().normalize();
        Path out = home.resolve("cli/target/bench");
        int runs = Integer.getInteger("bench.runs", 10);
        Files.createDirectories(out);
        List<Path> trees = BenchTrees.write(out.resolve("trees"));
        List<Command> commands = commands(home, out);

        StringBuilder report = new StringBuilder();
        report.append("sluice build start-up benchmark, ").append(Instant.now()).append('\n');
        report.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, load average ")
                .append(loadAverage()).append(" (before); kubectl: ").append(firstLine(run(List.of("kubectl", "version", "--client"), Map.of()).out)).append('\n');
        report.append("runs: ").append(runs).append(" per command and tree, after 2 warm-up runs; whole processes, wall time\n\n");

        for (Path tree : trees) {
            String want = run(List.of("kubectl", "kustomize", tree.toString()), Map.of()).out;
            for (Command c : commands.subList(1, commands.size())) {
                Result r = run(argv(c, tree), c.env());
                if (r.exit != 0 || !r.out.equals(want)) {
                    throw new IllegalStateException(c.name() + " does not print what kubectl prints for " + tree
                            + " (exit " + r.exit + "): " + r.err);
                }
            }
        }

        Map<String, Map<String, List<Long>>> times = new LinkedHashMap<>();
        Map<String, Map<String, List<Long>>> cpuTimes = new LinkedHashMap<>();
        for (int round = -2; round < runs; round++) {
            for (Path tree : trees) {
                for (int i = 0; i < commands.size(); i++) {
                    Command c = commands.get((i + Math.max(round, 0)) % commands.size());
                    long cpu0 = childCpuMillis();
                    long t0 = System.nanoTime();
                    Result r = runDiscarding(argv(c, tree), c.env());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    long cpu = childCpuMillis() - cpu0;
                    if (r.exit != 0) {
                        throw new IllegalStateException(c.name() + " failed on " + tree + ": " + r.err);
                    }
                    if (round >= 0) {
                        times.computeIfAbsent(treeName(tree), k -> new LinkedHashMap<>())
                                .computeIfAbsent(c.name(), k -> new ArrayList<>()).add(ms);
                        cpuTimes.computeIfAbsent(treeName(tree), k -> new LinkedHashMap<>())
                                .computeIfAbsent(c.name(), k -> new ArrayList<>()).add(cpu);
                    }
                }
            }
        }

        for (Path tree : trees) {
            String name = treeName(tree);
            Map<String, List<Long>> byCommand = times.get(name);
            report.append(String.format(Locale.ROOT, "%s (%s, %d bytes of output)%n", name, tree.getFileName(),
                    run(List.of("kubectl", "kustomize", tree.toString()), Map.of()).out.getBytes(StandardCharsets.UTF_8).length));
            report.append(String.format(Locale.ROOT, "  %-34s %8s %8s %8s %8s  %-11s %8s  %s%n", "command", "median", "mean", "min", "max",
                    "vs kubectl", "CPU mean", "vs kubectl"));
            double kubectlMedian = median(byCommand.get("kubectl kustomize"));
            double kubectlMean = mean(byCommand.get("kubectl kustomize"));
            double kubectlCpu = mean(cpuTimes.get(name).get("kubectl kustomize"));
            for (Command c : commands) {
                List<Long> t = byCommand.get(c.name());
                String ratio = c.name().equals("kubectl kustomize") ? "" : String.format(Locale.ROOT, "%.2f / %.2f",
                        median(t) / kubectlMedian, mean(t) / kubectlMean);
                double cpu = mean(cpuTimes.get(name).get(c.name()));
                String cpuRatio = c.name().equals("kubectl kustomize") ? "" : String.format(Locale.ROOT, "%.2f", cpu / kubectlCpu);
                report.append(String.format(Locale.ROOT, "  %-34s %6.0fms %6.0fms %6dms %6dms  %-11s %6.0fms  %s%n", c.name(), median(t), mean(t),
                        t.stream().mapToLong(Long::longValue).min().orElse(0), t.stream().mapToLong(Long::longValue).max().orElse(0), ratio,
                        cpu, cpuRatio));
            }
            double launcher = median(byCommand.get("sluice build (launcher)")) / kubectlMedian;
            report.append(String.format(Locale.ROOT, "  target %.1fx kubectl (median): %s (%.2f)%n%n", TARGET, launcher <= TARGET ? "MET" : "NOT MET", launcher));
        }
        report.append("ratios: wall time median / mean; CPU: user + system time of the process and its children (10 ms ticks)."
                + " load average after: ").append(loadAverage()).append('\n');
        System.out.print(report);
        Files.writeString(out.resolve("startup.txt"), report.toString(), StandardCharsets.UTF_8);
    }

    private static List<Command> commands(Path home, Path out) throws IOException, InterruptedException {
        Path buildJar = home.resolve("cli/target/sluice-build.jar");
        Path cliJar = home.resolve("cli/target/sluice-cli.jar");
        for (Path jar : List.of(buildJar, cliJar, home.resolve("cli/target/sluice-build.jsa"))) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: package the CLI first (the bench command does)");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path archive = home.resolve("cli/target/sluice-build.jsa");
        // the launcher's flags (see ./sluice)
        List<String> fast = List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=2", "-XX:+UseSerialGC", "-XX:-UsePerfData");
        List<Command> commands = new ArrayList<>();
        commands.add(new Command("kubectl kustomize", List.of("kubectl", "kustomize"), Map.of()));
        // never let the launcher build: it would run `mvnw install`
        commands.add(new Command("sluice build (launcher)", List.of(home.resolve("sluice").toString(), "build"),
                Map.of("SLUICE_SKIP_BUILD", "1")));
        commands.add(new Command("small jar + archive, C1+serial", List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "-XX:SharedArchiveFile=" + archive, "-cp", buildJar.toString(), "io.sluice.cli.build.FastStart", "build"),
                Map.of()));
        commands.add(new Command("small jar + archive, JVM defaults", List.of(java, "-XX:SharedArchiveFile=" + archive,
                "-cp", buildJar.toString(), "io.sluice.cli.build.FastStart", "build"), Map.of()));
        commands.add(new Command("small jar, no archive", concat(List.of(java), fast,
                List.of("-cp", buildJar.toString(), "io.sluice.cli.build.FastStart", "build")), Map.of()));
        commands.add(new Command("full jar, fast path, defaults", List.of(java, "-jar", cliJar.toString(), "build"), Map.of()));
        // how `sluice build DIR` started before: the whole CLI jar through picocli
        commands.add(new Command("full jar, picocli, defaults", List.of(java, "-cp", cliJar.toString(), "io.sluice.cli.SluiceCli", "build"),
                Map.of()));
        Path jdk25 = Path.of(System.getProperty("bench.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java");
        if (Files.isExecutable(jdk25)) {
            Path cache = out.resolve("sluice-build.aot");
            Files.deleteIfExists(cache);
            Result made = run(concat(List.of(jdk25.toString(), "-XX:AOTCacheOutput=" + cache), fast,
                    List.of("-cp", buildJar.toString(), "io.sluice.cli.build.FastStart", "build",
                            home.resolve("cli/src/cds/training/overlay").toString())), Map.of());
            if (made.exit == 0 && Files.isRegularFile(cache)) {
                commands.add(new Command("JDK 25, small jar, AOT cache", concat(List.of(jdk25.toString(), "-XX:AOTCache=" + cache), fast,
                        List.of("-cp", buildJar.toString(), "io.sluice.cli.build.FastStart", "build")), Map.of()));
            }
        }
        return commands;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        Arrays.stream(parts).forEach(out::addAll);
        return out;
    }

    private static List<String> argv(Command c, Path tree) {
        List<String> a = new ArrayList<>(c.argv());
        a.add(tree.toString());
        return a;
    }

    private static String treeName(Path tree) {
        Path bench = tree;
        while (bench.getParent() != null && !bench.getParent().getFileName().toString().equals("trees")) {
            bench = bench.getParent();
        }
        return bench.getFileName().toString();
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(List<String> argv, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        int exit = p.waitFor();
        return new Result(exit, new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** The timed run: output to /dev/null, as a shell redirect would. */
    private static Result runDiscarding(List<String> argv, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        return new Result(pb.start().waitFor(), "", "");
    }

    /** User and system time of the children this JVM has waited for (/proc/self/stat, fields 16 and 17), in ms. */
    private static long childCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): cutime is field 16, cstime field 17; clock ticks of 10 ms
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10;
        } catch (IOException e) {
            return 0;
        }
    }

    private static double median(List<Long> t) {
        long[] s = t.stream().mapToLong(Long::longValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    private static double mean(List<Long> t) {
        return t.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " (1 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
