package io.sluice.apply.k3s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * A real single-node Kubernetes (K3s in a container): API server with admission and validation, the
 * controllers (Deployments, Jobs, garbage collector, namespace lifecycle) and a kubelet that runs pods,
 * none of which the sandbox has (docs/sandbox.md). One is started for the whole test run by
 * {@link K3sClusterExtension} and stopped when the run ends.
 *
 * <p>Only used by tests marked {@code @Testcontainers(disabledWithoutDocker = true)}: without Docker
 * JUnit skips them before this class is touched.
 */
public final class K3sCluster implements AutoCloseable {

    /** A K3s release with the APIs these tests use (ValidatingAdmissionPolicy is GA since 1.30). */
    static final DockerImageName IMAGE = DockerImageName.parse("rancher/k3s:v1.34.1-k3s1");

    private final K3sContainer container;
    private final Config adminConfig;
    private final KubernetesClient admin;

    private K3sCluster(K3sContainer container) {
        this.container = container;
        this.adminConfig = Config.fromKubeconfig(container.getKubeConfigYaml());
        this.admin = new KubernetesClientBuilder().withConfig(adminConfig).build();
    }

    /** Starts K3s and waits until its node is Ready, so the first pod does not wait for the kubelet. */
    static K3sCluster start() {
        K3sContainer container = new K3sContainer(IMAGE);
        container.start();
        K3sCluster cluster = new K3sCluster(container);
        try {
            await("node of the K3s cluster Ready").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(cluster::nodeReady);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private boolean nodeReady() {
        return admin.nodes().list().getItems().stream().anyMatch(K3sCluster::ready);
    }

    private static boolean ready(Node node) {
        return node.getStatus() != null && node.getStatus().getConditions() != null && node.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** The cluster admin (K3s' kubeconfig user, cluster-admin); closed with the cluster. */
    public KubernetesClient admin() {
        return admin;
    }

    /**
     * A new client that acts as another user through impersonation, as Flux does for a Kustomization's
     * {@code spec.serviceAccountName}: the admin's credentials, with {@code Impersonate-User} on each
     * request. The caller closes it.
     */
    public KubernetesClient impersonating(String username) {
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(adminConfig).withImpersonateUsername(username).build())
                .build();
    }

    @Override
    public void close() {
        admin.close();
        container.stop();
    }
}
