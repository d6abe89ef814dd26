package io.sluice.cli.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.cli.CliFailure;
import java.io.IOException;

/**
 * A client of the cluster a command works on, with where its settings came from, so every error can say which API
 * server it tried and why that one.
 *
 * @param source where the kubeconfig came from, e.g. "--kubeconfig x" or "~/.kube/config"
 * @param fromUp true when it is the cluster of a running {@code sluice up}
 */
public record Cluster(KubernetesClient client, String source, boolean fromUp) implements AutoCloseable {

    public String url() {
        return client.getMasterUrl().toString();
    }

    /**
     * The message for a failed API call: unreachable (which URL, from which kubeconfig), refused (401/403), or the
     * API's own answer.
     *
     * @param doing what was attempted, e.g. "list Kustomizations in flux-system"
     */
    public CliFailure failure(String doing, KubernetesClientException e) {
        if (isUnreachable(e)) {
            String hint = fromUp
                    ? " Is 'sluice up' still running? Its log is in .sluice/logs/sluice.log."
                    : " Check that the cluster is running, or start 'sluice up', or pass --kubeconfig FILE.";
            return new CliFailure("Cannot reach the Kubernetes API at " + url() + " (from " + source + ") to " + doing + ": "
                    + rootMessage(e) + "." + hint, e);
        }
        if (e.getCode() == 401 || e.getCode() == 403) {
            return new CliFailure("The Kubernetes API at " + url() + " refused to " + doing + " (HTTP " + e.getCode() + "): "
                    + e.getMessage() + ". Check the credentials and RBAC of the user in " + source + ".", e);
        }
        return new CliFailure("Could not " + doing + " at " + url() + ": HTTP " + e.getCode() + " " + e.getMessage(), e);
    }

    /** No HTTP answer at all: connection refused, timeout, unknown host. */
    static boolean isUnreachable(KubernetesClientException e) {
        if (e.getCode() > 0) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return e.getCode() == 0 && e.getStatus() == null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        client.close();
    }
}
