package io.sluice.kustomize.bench;

import io.sluice.kustomize.Kustomizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Warm in-process build of the {@link OverlayTree} (200 resources, 3 overlays) versus the
 * kustomize binary (kubectl v1.35 = kustomize v5.7.1) on the same input, whole process per run.
 * Set -Dkubectl=/path/to/kubectl to change the binary (default kubectl-v35 on PATH).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OverlayBuildBenchmark {
    private Path root;
    private Path target;
    private String kubectl;

    @Setup
    public void setup() throws IOException {
        root = Files.createTempDirectory("kustomize-bench");
        target = OverlayTree.write(root);
        kubectl = System.getProperty("kubectl", "kubectl-v35");
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public String inProcessWarm() {
        return new Kustomizer().buildYaml(target);
    }

    @Benchmark
    public int kubectlKustomizeProcess() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(kubectl, "kustomize", target.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException(kubectl + " kustomize exited with " + code);
        }
        return code;
    }
}
