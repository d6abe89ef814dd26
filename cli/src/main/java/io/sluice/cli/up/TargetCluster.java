package io.sluice.cli.up;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The Kubernetes API the pipeline works against: the in-memory sandbox (default) or a real cluster named by
 * {@code --kubeconfig [--context]}.
 */
public sealed interface TargetCluster extends AutoCloseable permits SandboxTarget, KubeconfigTarget {

    /** A client for the CLI itself (seeding the quickstart objects). */
    KubernetesClient client();

    /** The value of {@code KUBECONFIG} for the services: one file, or a path list. */
    String kubeconfigEnv();

    /** The API server URL, for the summary. */
    String apiServerUrl();

    /** "sandbox", or "cluster" for a real one; shown in the ready line. */
    String mode();

    @Override
    void close();
}
