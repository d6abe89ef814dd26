package io.sluice.sandbox;

import io.sluice.sandbox.cluster.SandboxCluster;
import io.sluice.sandbox.git.LocalGitServer;
import io.sluice.sandbox.kafka.EmbeddedKafka;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The notice {@code sluice up} prints first, so nobody mistakes the sandbox for a real cluster.
 * Each address is optional: the banner lists only the pieces that were started.
 */
public record SandboxBanner(String kubernetesApi, String kafkaBootstrap, String gitBaseUrl, String kubeconfig) {

    /** The one-line headline, also useful in logs. */
    public static final String HEADLINE = "SANDBOX: in-memory Kubernetes API, embedded Kafka - not a real cluster";

    /** The banner for whichever pieces are running; pass {@code null} for those that are not. */
    public static SandboxBanner of(SandboxCluster cluster, Path kubeconfig, EmbeddedKafka kafka, LocalGitServer git) {
        return new SandboxBanner(
                cluster == null ? null : cluster.masterUrl(),
                kafka == null ? null : kafka.bootstrapServers(),
                git == null ? null : git.baseUrl().toString(),
                kubeconfig == null ? null : kubeconfig.toString());
    }

    /** The banner as lines, without a trailing newline. */
    public List<String> lines() {
        List<String> details = new ArrayList<>();
        if (kubernetesApi != null) {
            details.add("Kubernetes API : " + kubernetesApi + "  (stores objects only: no pods run, no GC, no admission)");
        }
        if (kubeconfig != null) {
            details.add("kubeconfig     : " + kubeconfig + "  (kubectl --kubeconfig " + kubeconfig + " get gitrepositories -A)");
        }
        if (kafkaBootstrap != null) {
            details.add("Kafka          : " + kafkaBootstrap + "  (single node, data deleted on stop)");
        }
        if (gitBaseUrl != null) {
            details.add("Git server     : " + gitBaseUrl + "  (repositories deleted on stop)");
        }
        details.add("Everything stops and is deleted when this process ends. See docs/sandbox.md.");

        int width = HEADLINE.length();
        for (String line : details) {
            width = Math.max(width, line.length());
        }
        String rule = "=".repeat(width);
        List<String> lines = new ArrayList<>();
        lines.add(rule);
        lines.add(HEADLINE);
        lines.add("-".repeat(width));
        lines.addAll(details);
        lines.add(rule);
        return lines;
    }

    public void print(PrintStream out) {
        lines().forEach(out::println);
    }

    @Override
    public String toString() {
        return String.join(System.lineSeparator(), lines());
    }
}
