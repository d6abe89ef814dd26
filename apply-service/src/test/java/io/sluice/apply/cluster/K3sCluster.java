package io.sluice.apply.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * A real single-node Kubernetes (K3s in a container): API server with admission and validation, the controllers
 * (Deployments, Jobs, garbage collector, namespace lifecycle) and a kubelet that runs pods, none of which the sandbox
 * has (docs/sandbox.md). {@link TestCluster} starts one for the whole test run where Docker runs.
 */
final class K3sCluster implements AutoCloseable {

    /** A K3s release with the APIs these tests use (ValidatingAdmissionPolicy is GA since 1.30). */
    static final DockerImageName IMAGE = DockerImageName.parse("rancher/k3s:v1.34.1-k3s1");

    private final K3sContainer container;
    private final Config adminConfig;

    private K3sCluster(K3sContainer container) {
        this.container = container;
        this.adminConfig = Config.fromKubeconfig(container.getKubeConfigYaml());
    }

    /** Starts K3s and waits until its node is Ready, so the first pod does not wait for the kubelet. */
    static K3sCluster start() {
        K3sContainer container = new K3sContainer(IMAGE);
        container.start();
        K3sCluster cluster = new K3sCluster(container);
        try (KubernetesClient admin = new KubernetesClientBuilder().withConfig(cluster.adminConfig).build()) {
            await("node of the K3s cluster Ready").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> admin.nodes().list().getItems().stream().anyMatch(K3sCluster::ready));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    static boolean ready(Node node) {
        return node.getStatus() != null && node.getStatus().getConditions() != null && node.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** K3s' kubeconfig user: cluster-admin. */
    Config adminConfig() {
        return adminConfig;
    }

    @Override
    public void close() {
        container.stop();
    }
}
