package io.sluice.apply.ssa;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sluice.api.events.ChangeAction;
import io.sluice.kustomize.Kustomizer;
import io.sluice.sandbox.cluster.SandboxCluster;
import org.jboss.logmanager.LogContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * Benchmark, not a test: apply-service's work for a rendering - the rendered YAML parsed into a {@link DesiredSet}
 * and applied by {@link StagedApplier} - on a set of objects (one Namespace and ConfigMaps, 1,000 in all) against
 * the sandbox API server (or a real cluster, below) - first apply, no-change re-apply, one object changed - each beside
 * {@code kubectl apply --server-side} on the same set against the same sandbox (in a namespace of its own);
 * and the time {@link Kustomizer} takes to render the same set from a kustomization.yaml listing its files.
 *
 * <p>Both sides are measured warm, as JMH would: untimed rounds of each first (the sandbox and Sluice run in this
 * JVM, whose JIT compiler needs tens of thousands of requests before the hot paths are compiled, as they are in a
 * service that has been running for a while; kubectl is a native binary but the server it talks to is this JVM
 * too). Then {@code runs} rounds, each in fresh namespaces, deleted afterwards, Sluice and kubectl taking
 * turns at going first; the table shows the median and the range. The machine's load average is printed before and after: figures from a busy
 * machine are only comparable with each other.
 *
 * <pre>
 * ./mvnw -pl apply-service -Pbench verify                       # 1,000 objects, 5 runs, kubectl-v35 if present
 * ./mvnw -pl apply-service -Pbench verify -Dbench.objects=300 -Dbench.runs=3 -Dbench.kubectl=/path/to/kubectl
 * </pre>
 *
 * Arguments of {@link #main}: [objects] [kubectl binary] [runs] [warm-up rounds]. Without a kubectl binary only
 * Sluice's figures and the render time are printed.
 *
 * <p>Against a real cluster instead of the sandbox: {@code -Dbench.kubeconfig=FILE [-Dbench.context=NAME]} (system
 * properties of the benchmark's JVM; the {@code bench} profile passes Maven's). Both sides then apply to that cluster,
 * in namespaces {@code sluice-bench-*} that are deleted again, and the table says which server it measured. Use
 * fewer warm-up rounds there ({@code -Dbench.warmup=5}): each is a thousand writes to a real server, and the JIT only
 * needs to see Sluice's side.
 */
public final class ApplyBenchmark {

    private static final String KUBECTL_MANAGER = "bench";
    /** Every namespace of the benchmark starts so (on a real cluster: easy to find, and not to clash). */
    private static final String NAMESPACE = "sluice-bench-";
    /** Untimed Sluice rounds first (about 15 s): until then the JIT is still compiling the client's and the server's hot paths. */
    private static final int WARM_UP_ROUNDS = 50;
    /** One untimed kubectl round after every so many untimed Sluice rounds. */
    private static final int KUBECTL_WARM_UP_EVERY = 10;

    public static void main(String[] args) {
        // The services run with Quarkus's INFO logging. A bare JVM's JBoss log manager enables TRACE, and with
        // TRACE on, fabric8's HTTP client copies and logs every request and response body on both sides.
        LogContext.getSystemLogContext().getLogger("").setLevel(Level.INFO);
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        // Vert.x threads of the sandbox's HTTP client can outlive close() by minutes; a benchmark just ends.
        System.exit(0);
    }

    /** One round's times in milliseconds. */
    private record Round(long first, long same, long one) { }

    /**
     * The API server both sides apply to: the sandbox in this JVM (its kubeconfig written for kubectl), or the cluster
     * of a kubeconfig.
     */
    private record Target(String description, KubernetesClient client, Path kubeconfig, String context, AutoCloseable owned)
            implements AutoCloseable {

        static Target of(Path dir) throws IOException {
            String file = System.getProperty("bench.kubeconfig", "");
            if (file.isBlank()) {
                SandboxCluster sandbox = SandboxCluster.start();
                return new Target("the SANDBOX API server in this JVM", sandbox.client(),
                        sandbox.writeKubeconfig(dir.resolve("kubeconfig")), "", sandbox);
            }
            Path kubeconfig = Path.of(file).toAbsolutePath();
            String context = System.getProperty("bench.context", "");
            KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(
                    context.isBlank() ? null : context, Files.readString(kubeconfig), kubeconfig.toString())).build();
            return new Target("the cluster at " + client.getMasterUrl() + " (" + kubeconfig + ")", client, kubeconfig, context, client);
        }

        /** kubectl's options to reach this server. */
        List<String> kubectlOptions() {
            List<String> options = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString()));
            if (!context.isBlank()) {
                options.addAll(List.of("--context", context));
            }
            return options;
        }

        @Override
        public void close() throws Exception {
            owned.close();
        }
    }

    private static void run(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        String kubectl = args.length > 1 ? args[1] : "kubectl";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : WARM_UP_ROUNDS;
        System.out.println("load average before: " + loadAverage());
        Path dir = Files.createTempDirectory("sluice-apply-bench");
        try (Target cluster = Target.of(dir)) {
            System.out.println("applying to " + cluster.description());
            StagedApplier applier = new StagedApplier(cluster.client());
            ApplyOptions options = ApplyOptions.forKustomization("flux-system", "bench");
            boolean withKubectl = kubectl(kubectl, cluster, "version", "--client");

            for (int i = 1; i <= warmUp; i++) {
                sluiceRound(applier, options, NAMESPACE + "warm-sluice-" + i, count);
                delete(cluster, NAMESPACE + "warm-sluice-" + i);
                // kubectl's requests take other paths through the sandbox; the JIT must have seen those too, or
                // it recompiles during the timed rounds
                if (withKubectl && i % KUBECTL_WARM_UP_EVERY == 0) {
                    kubectlRound(kubectl, cluster, dir, NAMESPACE + "warm-kubectl-" + i, count);
                    delete(cluster, NAMESPACE + "warm-kubectl-" + i);
                }
            }

            List<Round> sluice = new ArrayList<>();
            List<Round> kubectlRounds = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                // Each side goes first in every other round: the round after the other side's (and after the
                // previous round's namespace deletions) runs on a JVM and CPU caches the other side left cold.
                boolean kubectlFirst = withKubectl && i % 2 == 0;
                if (kubectlFirst) {
                    kubectlRounds.add(kubectlRound(kubectl, cluster, dir, NAMESPACE + "kubectl-" + i, count));
                }
                sluice.add(sluiceRound(applier, options, NAMESPACE + "sluice-" + i, count));
                if (withKubectl && !kubectlFirst) {
                    kubectlRounds.add(kubectlRound(kubectl, cluster, dir, NAMESPACE + "kubectl-" + i, count));
                }
                delete(cluster, NAMESPACE + "sluice-" + i, NAMESPACE + "kubectl-" + i);
            }
            long[] render = render(dir, count, runs);

            System.out.printf(Locale.ROOT, "%n%,d objects (1 Namespace, %,d ConfigMaps) applied to %s, median of %d runs"
                    + " [min-max], ms%n", count, count - 1, cluster.description(), runs);
            System.out.printf(Locale.ROOT, "%-10s %22s %22s %22s%n", "", "first apply", "no-change re-apply", "one object changed");
            print("Sluice", sluice);
            if (withKubectl) {
                print("kubectl", kubectlRounds);
                System.out.printf(Locale.ROOT, "%-10s %21.1fx %21.1fx %21.1fx%n", "speed-up",
                        ratio(kubectlRounds, sluice, Round::first), ratio(kubectlRounds, sluice, Round::same),
                        ratio(kubectlRounds, sluice, Round::one));
            } else {
                System.out.println("kubectl: '" + kubectl + "' not found; pass its path as the second argument to compare");
            }
            System.out.printf(Locale.ROOT, "render (Kustomizer.buildYaml, kustomization.yaml listing %,d files): %d ms [%d-%d]%n",
                    count, median(render), min(render), max(render));
            System.out.println("first apply per round, ms (kubectl went first in even rounds):");
            System.out.println("  Sluice  " + sluice.stream().map(r -> String.valueOf(r.first())).toList());
            if (withKubectl) {
                System.out.println("  kubectl " + kubectlRounds.stream().map(r -> String.valueOf(r.first())).toList());
            }
            System.out.println("load average after: " + loadAverage());
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * What apply-service does with a rendering: from the rendered YAML (as ManifestsRendered carries it, parsed
     * here inside the timing, as kubectl parses its file) to the cluster. The no-change re-apply is a drift check
     * of the same rendering, which reuses the objects prepared by the first apply ({@link DesiredSet}, kept in
     * apply-service's desired states); the one-object change is a new rendering, parsed again.
     */
    private static Round sluiceRound(StagedApplier applier, ApplyOptions options, String namespace, int count) {
        String rendered = manifests(namespace, count, "v");
        String changed = changeOne(rendered);
        DesiredSet[] set = new DesiredSet[1];
        long first = time(() -> {
            set[0] = DesiredSet.parse(rendered, options);
            check(applier.apply(set[0], options), ChangeAction.CREATED, count);
        });
        long same = time(() -> check(applier.apply(set[0], options), ChangeAction.UNCHANGED, count));
        long one = time(() -> check(applier.apply(DesiredSet.parse(changed, options), options), ChangeAction.CONFIGURED, 1));
        return new Round(first, same, one);
    }

    private static Round kubectlRound(String kubectl, Target cluster, Path dir, String namespace, int count) throws IOException {
        Path set = Files.writeString(dir.resolve(namespace + ".yaml"), manifests(namespace, count, "v"));
        Path changed = Files.writeString(dir.resolve(namespace + "-changed.yaml"), changeOne(manifests(namespace, count, "v")));
        String[] apply = {"apply", "--server-side", "--field-manager=" + KUBECTL_MANAGER, "-f"};
        long first = time(() -> kubectl(kubectl, cluster, concat(apply, set.toString())));
        long same = time(() -> kubectl(kubectl, cluster, concat(apply, set.toString())));
        long one = time(() -> kubectl(kubectl, cluster, concat(apply, changed.toString())));
        return new Round(first, same, one);
    }

    /** Renders the set {@code runs} times (after one untimed render) from one file per object. */
    private static long[] render(Path dir, int count, int runs) throws IOException {
        Path root = Files.createDirectories(dir.resolve("render"));
        String[] documents = manifests("rendered", count, "v").split("(?m)^---\n");
        StringBuilder kustomization = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
        for (int i = 0; i < documents.length; i++) {
            String file = "object-" + i + ".yaml";
            Files.writeString(root.resolve(file), documents[i]);
            kustomization.append("  - ").append(file).append('\n');
        }
        Files.writeString(root.resolve("kustomization.yaml"), kustomization.toString());
        Kustomizer kustomizer = new Kustomizer();
        int rendered = Manifests.parse(kustomizer.buildYaml(root)).size();
        if (rendered != count) {
            throw new IllegalStateException("Kustomizer rendered " + rendered + " objects, expected " + count);
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = time(() -> kustomizer.buildYaml(root));
        }
        return times;
    }

    /** One Namespace and count-1 ConfigMaps in it. */
    static String manifests(String namespace, int count, String prefix) {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + namespace + "\n");
        for (int i = 1; i < count; i++) {
            yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-").append(i)
                    .append("\n  namespace: ").append(namespace)
                    .append("\n  labels:\n    app: bench\n")
                    .append("data:\n  value: ").append(prefix).append('-').append(i).append('\n');
        }
        return yaml.toString();
    }

    /** The same set with ConfigMap cm-7's value changed. */
    static String changeOne(String manifests) {
        return manifests.replace("value: v-7\n", "value: changed\n");
    }

    private static void delete(Target cluster, String... namespaces) {
        for (String namespace : namespaces) {
            cluster.client().namespaces().withName(namespace).delete();
        }
    }

    private static void check(ChangeSet changes, ChangeAction action, int expected) {
        long n = changes.entries(action).size();
        if (n != expected) {
            throw new IllegalStateException("expected " + expected + " " + action.json() + ", got " + n + ": "
                    + changes.entries().subList(0, Math.min(5, changes.entries().size())));
        }
    }

    private static void print(String who, List<Round> rounds) {
        System.out.printf(Locale.ROOT, "%-10s %22s %22s %22s%n", who, cell(rounds, Round::first), cell(rounds, Round::same),
                cell(rounds, Round::one));
    }

    private static String cell(List<Round> rounds, java.util.function.ToLongFunction<Round> field) {
        long[] values = rounds.stream().mapToLong(field).toArray();
        return String.format(Locale.ROOT, "%d [%d-%d]", median(values), min(values), max(values));
    }

    private static double ratio(List<Round> kubectl, List<Round> sluice, java.util.function.ToLongFunction<Round> field) {
        return (double) median(kubectl.stream().mapToLong(field).toArray()) / Math.max(1, median(sluice.stream().mapToLong(field).toArray()));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static String[] concat(String[] head, String last) {
        String[] all = Arrays.copyOf(head, head.length + 1);
        all[head.length] = last;
        return all;
    }

    private static boolean kubectl(String kubectl, Target cluster, String... args) {
        List<String> command = new ArrayList<>(List.of(kubectl));
        command.addAll(cluster.kubectlOptions());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl " + String.join(" ", args) + " took over 5 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl " + String.join(" ", args) + " exited with " + process.exitValue());
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long time(Runnable run) {
        long start = System.nanoTime();
        run.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim() + " (" + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (IOException e) {
            return "unknown (no /proc/loadavg)";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
