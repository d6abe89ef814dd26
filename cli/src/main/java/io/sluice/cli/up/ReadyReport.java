package io.sluice.cli.up;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code sluice up} prints once everything is ready: where each part is, and what to try next.
 *
 * @param sandboxKubeconfig the kubeconfig written for the sandbox API; null with {@code --kubeconfig}
 */
record ReadyReport(String kafkaBootstrap, TargetCluster cluster, Path sandboxKubeconfig, String repositoryUrl,
        List<ServiceProcess> services, WorkDir workDir) {

    void print(PrintStream out) {
        String kubeconfig = sandboxKubeconfig != null ? WorkDir.display(sandboxKubeconfig) : cluster.kubeconfigEnv();
        out.println();
        out.println("Sluice is running" + (sandboxKubeconfig != null ? " against the SANDBOX Kubernetes API." : " against your cluster."));
        out.println();
        row(out, "Kafka bootstrap", kafkaBootstrap);
        row(out, "Kubernetes API", cluster.apiServerUrl() + (sandboxKubeconfig != null ? "  (in-memory sandbox)" : ""));
        row(out, "kubeconfig", kubeconfig);
        row(out, "Git repository", repositoryUrl + "  (branch main)");
        for (ServiceProcess service : services) {
            row(out, service.name(), "http://127.0.0.1:" + service.port() + "  (health: /q/health)");
        }
        row(out, "Logs", WorkDir.display(workDir.logs()) + "/");
        out.println();
        out.println("Try next:");
        out.println("  KUBECONFIG=" + kubeconfig + " kubectl get gitrepositories,kustomizations -A");
        out.println("  git clone " + repositoryUrl + " quickstart && cd quickstart");
        out.println("  # change the message in deploy/configmap.yaml, then:");
        out.println("  git commit -am 'Change the greeting' && git push");
        out.println("  # Sluice fetches main within a minute (the GitRepository's interval), renders and applies it:");
        out.println("  KUBECONFIG=.sluice/kubeconfig kubectl get configmap podinfo-config -n quickstart -o yaml");
        out.println();
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf("  %-17s %s%n", label, value);
    }
}
