package io.sluice.cli.up;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.sandbox.cluster.SandboxCluster;
import java.nio.file.Path;

/** The in-memory Kubernetes API of the sandbox, with its kubeconfig written to {@code <work-dir>/kubeconfig}. */
public final class SandboxTarget implements TargetCluster {

    private final SandboxCluster cluster;
    private final Path kubeconfig;

    private SandboxTarget(SandboxCluster cluster, Path kubeconfig) {
        this.cluster = cluster;
        this.kubeconfig = kubeconfig;
    }

    public static SandboxTarget start(int port, Path kubeconfig) {
        SandboxCluster cluster = SandboxCluster.start(port);
        try {
            cluster.writeKubeconfig(kubeconfig);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return new SandboxTarget(cluster, kubeconfig);
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    public KubernetesClient client() {
        return cluster.client();
    }

    @Override
    public String kubeconfigEnv() {
        return kubeconfig.toString();
    }

    @Override
    public String apiServerUrl() {
        return cluster.masterUrl();
    }

    @Override
    public String mode() {
        return "sandbox";
    }

    @Override
    public void close() {
        cluster.close();
    }
}
