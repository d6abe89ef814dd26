package io.sluice.kustomize.bench;

import io.sluice.kustomize.Kustomizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Quick median comparison (no JMH): checks that the engine's output equals the binary's on the
 * benchmark tree, then prints the median of N whole-process binary runs and N warm in-process
 * builds. Usage: CompareWithKubectl [runs] (kubectl binary from -Dkubectl, default kubectl-v35).
 */
public final class CompareWithKubectl {
    private CompareWithKubectl() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String kubectl = System.getProperty("kubectl", "kubectl-v35");
        Path root = Files.createTempDirectory("kustomize-compare");
        Path target = OverlayTree.write(root);
        Process check = new ProcessBuilder(kubectl, "kustomize", target.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String theirs = new String(check.getInputStream().readAllBytes());
        check.waitFor();
        String ours = new Kustomizer().buildYaml(target);
        System.out.println("outputs identical: " + theirs.equals(ours) + " (" + ours.split("\n---\n").length + " documents)");
        List<Double> bin = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(kubectl, "kustomize", target.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            bin.add((System.nanoTime() - t0) / 1e6);
        }
        for (int i = 0; i < 200; i++) {
            new Kustomizer().buildYaml(target); // warm-up
        }
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < runs * 4; i++) {
            long t0 = System.nanoTime();
            new Kustomizer().buildYaml(target);
            warm.add((System.nanoTime() - t0) / 1e6);
        }
        double b = median(bin);
        double w = median(warm);
        System.out.printf("kubectl kustomize (whole process), median of %d: %.1f ms%n", runs, b);
        System.out.printf("in-process warm build, median of %d: %.2f ms%n", runs * 4, w);
        System.out.printf("ratio: %.1fx%n", b / w);
    }

    private static double median(List<Double> l) {
        List<Double> s = new ArrayList<>(l);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
