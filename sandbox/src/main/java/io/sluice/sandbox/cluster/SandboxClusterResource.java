package io.sluice.sandbox.cluster;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource that starts a {@link SandboxCluster} (in-memory Kubernetes API with the Sluice
 * CRDs, namespaces {@code default} and {@code flux-system}) for the test class and stops it afterwards.
 *
 * <p>Binds the Quarkus kubernetes-client extension to it:
 * <ul>
 *   <li>{@code quarkus.kubernetes-client.api-server-url} - the sandbox's {@code http://127.0.0.1:<port>};</li>
 *   <li>{@code quarkus.kubernetes-client.token} - the sandbox administrator's bearer token;</li>
 *   <li>{@code quarkus.kubernetes-client.trust-certs=true} - the sandbox serves HTTPS with its own CA;</li>
 *   <li>{@code quarkus.kubernetes-client.namespace=default};</li>
 *   <li>{@code quarkus.kubernetes-client.devservices.enabled=false} - never start a K3s container.</li>
 * </ul>
 *
 * <p>Use with {@code @QuarkusTestResource(SandboxClusterResource.class)} (or {@code @WithTestResource}).
 * A test reaches the running server (to create objects or read status) through {@link #cluster()}.
 */
public class SandboxClusterResource implements QuarkusTestResourceLifecycleManager {

    private static volatile SandboxCluster running;

    private SandboxCluster cluster;

    @Override
    public Map<String, String> start() {
        cluster = SandboxCluster.start();
        running = cluster;
        return Map.of(
                "quarkus.kubernetes-client.api-server-url", cluster.masterUrl(),
                "quarkus.kubernetes-client.token", cluster.token(),
                "quarkus.kubernetes-client.trust-certs", "true",
                "quarkus.kubernetes-client.namespace", SandboxCluster.DEFAULT_NAMESPACE,
                "quarkus.kubernetes-client.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        if (cluster != null) {
            cluster.close();
            if (running == cluster) {
                running = null;
            }
            cluster = null;
        }
    }

    /**
     * The API server this resource started, while it runs.
     *
     * @throws IllegalStateException when no SandboxClusterResource is running
     */
    public static SandboxCluster cluster() {
        SandboxCluster current = running;
        if (current == null) {
            throw new IllegalStateException("No SandboxClusterResource is running; annotate the test class with"
                    + " @QuarkusTestResource(SandboxClusterResource.class)");
        }
        return current;
    }
}
