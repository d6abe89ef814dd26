package io.sluice.apply.apply;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.sluice.api.events.ChangeAction;
import io.sluice.sandbox.cluster.SandboxCluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark, not a test: {@link StagedApplier} on 1,000 objects (one Namespace, 999 ConfigMaps) against
 * the sandbox API server - first apply, no-change re-apply, one object changed - each beside
 * {@code kubectl apply --server-side} on the same set against the same sandbox (a namespace of its own).
 *
 * <pre>
 * ./mvnw -q -o -pl apply-service test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp apply-service/target/test-classes:apply-service/target/classes:$(cat apply-service/target/cp.txt) \
 *      io.sluice.apply.apply.ApplyBenchmark [objects] [kubectl binary]
 * </pre>
 *
 * Without a kubectl binary (second argument, default {@code kubectl} on the PATH) only Sluice's figures are printed.
 */
public final class ApplyBenchmark {

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        // Vert.x threads of the sandbox's HTTP client can outlive close() by minutes; a benchmark just ends.
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        String kubectl = args.length > 1 ? args[1] : "kubectl";
        try (SandboxCluster cluster = SandboxCluster.start()) {
            StagedApplier applier = new StagedApplier(cluster.client());
            ApplyOptions options = ApplyOptions.forKustomization("flux-system", "bench");
            // warm the client and the server (class loading, JIT) on a small set in another namespace
            applier.apply(Manifests.parse(manifests("warm-up", 50, "v")), options);
            applier.apply(Manifests.parse(manifests("warm-up", 50, "v")), options);

            List<GenericKubernetesResource> first = Manifests.parse(manifests("sluice", count, "v"));
            List<GenericKubernetesResource> changed = Manifests.parse(manifests("sluice", count, "v").replace("value: v-7\n", "value: changed\n"));
            long sluiceFirst = time(() -> check(applier.apply(first, options), ChangeAction.CREATED, count));
            long sluiceSame = time(() -> check(applier.apply(first, options), ChangeAction.UNCHANGED, count));
            long sluiceOne = time(() -> check(applier.apply(changed, options), ChangeAction.CONFIGURED, 1));
            System.out.printf("%,d objects     first apply  no-change re-apply  one object changed%n", count);
            System.out.printf("Sluice       %9d ms  %15d ms  %15d ms%n", sluiceFirst, sluiceSame, sluiceOne);

            Path dir = Files.createTempDirectory("sluice-apply-bench");
            Path kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig"));
            Path set = Files.writeString(dir.resolve("set.yaml"), manifests("kubectl", count, "v"));
            Path setChanged = Files.writeString(dir.resolve("changed.yaml"), manifests("kubectl", count, "v").replace("value: v-7\n", "value: changed\n"));
            if (!kubectl(kubectl, kubeconfig, "version", "--client")) {
                System.out.println("kubectl: '" + kubectl + "' not found; pass its path as the second argument to compare");
                return;
            }
            long kubectlFirst = time(() -> kubectl(kubectl, kubeconfig, "apply", "--server-side", "--field-manager=bench", "-f", set.toString()));
            long kubectlSame = time(() -> kubectl(kubectl, kubeconfig, "apply", "--server-side", "--field-manager=bench", "-f", set.toString()));
            long kubectlOne = time(() -> kubectl(kubectl, kubeconfig, "apply", "--server-side", "--field-manager=bench", "-f", setChanged.toString()));
            System.out.printf("kubectl      %9d ms  %15d ms  %15d ms%n", kubectlFirst, kubectlSame, kubectlOne);
            System.out.printf("speed-up     %11.1fx  %16.1fx  %16.1fx%n",
                    (double) kubectlFirst / sluiceFirst, (double) kubectlSame / sluiceSame, (double) kubectlOne / sluiceOne);
        }
    }

    /** One Namespace and count-1 ConfigMaps in it. */
    static String manifests(String namespace, int count, String prefix) {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + namespace + "\n");
        for (int i = 1; i < count; i++) {
            yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-").append(i)
                    .append("\n  namespace: ").append(namespace)
                    .append("\n  labels:\n    kustomize.toolkit.fluxcd.io/name: bench\n    kustomize.toolkit.fluxcd.io/namespace: flux-system")
                    .append("\ndata:\n  value: ").append(prefix).append('-').append(i).append('\n');
        }
        return yaml.toString();
    }

    private static void check(ChangeSet changes, ChangeAction action, int expected) {
        long n = changes.entries(action).size();
        if (n != expected) {
            throw new IllegalStateException("expected " + expected + " " + action.json() + ", got " + n + ": " + changes.entries().subList(0, Math.min(5, changes.entries().size())));
        }
    }

    private static boolean kubectl(String kubectl, Path kubeconfig, String... args) {
        List<String> command = new ArrayList<>(List.of(kubectl, "--kubeconfig", kubeconfig.toString()));
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
        } catch (java.io.IOException e) {
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
}
