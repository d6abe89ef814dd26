package io.sluice.gateway.rest;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.sluice.sandbox.cluster.SandboxClusterResource;

import java.util.Map;

/**
 * {@link SandboxClusterResource}, started with the context class loader set to the one that loaded fabric8.
 *
 * <p>Why: this application has quarkus-kubernetes-client, whose {@code META-INF/services} names
 * {@code QuarkusHttpClientFactory}. Quarkus starts test resources with its own application class loader as the
 * context loader; fabric8's {@code HttpClientUtils} looks the factory up there first and finds that class loaded
 * beside a different copy of {@code HttpClient.Factory} ("not a subtype"), so the sandbox's own client cannot be
 * built. On fabric8's own loader both come from one place. (The sandbox module could pass an explicit factory
 * instead; until then this keeps the gateway's tests independent of it.)
 */
public class SandboxClusterTestResource implements QuarkusTestResourceLifecycleManager {

    private final SandboxClusterResource delegate = new SandboxClusterResource();

    @Override
    public Map<String, String> start() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KubernetesClient.class.getClassLoader());
        try {
            return startWithRetry();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The sandbox registers its CRDs through its own client, whose requests time out after 10 s; on a machine
     * shared by several builds that has happened once in a while. A failed start closes what it started, so one
     * more attempt is clean; a second timeout is reported.
     */
    private Map<String, String> startWithRetry() {
        try {
            return delegate.start();
        } catch (KubernetesClientException e) {
            return delegate.start();
        }
    }

    @Override
    public void stop() {
        delegate.stop();
    }
}
