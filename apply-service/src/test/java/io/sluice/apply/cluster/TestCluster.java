package io.sluice.apply.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sluice.sandbox.cluster.SandboxCluster;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Kubernetes API server the cluster tests run against, chosen once per test run:
 * <ol>
 *   <li>{@code -Dsluice.test.kubeconfig=FILE} (and optionally {@code -Dsluice.test.context=NAME}): any cluster, a real
 *       one; the tests create namespaces {@code cluster-*}, a few CRDs of group {@code *.sluice.io} and one
 *       ValidatingAdmissionPolicy, and delete them again;</li>
 *   <li>else, where Docker runs: a K3s in a container ({@link K3sCluster});</li>
 *   <li>else (or with {@code -Dsluice.test.cluster=sandbox}): the sandbox API server, reached through the kubeconfig
 *       file it writes, so the kubeconfig path is exercised on every machine.</li>
 * </ol>
 * What a test needs beyond storing and serving objects is a {@link Capability}, probed on the server itself; a test
 * whose capability the server lacks is skipped, saying which and how to run it against a real cluster.
 */
final class TestCluster implements AutoCloseable {

    static final String KUBECONFIG_PROPERTY = "sluice.test.kubeconfig";
    static final String CONTEXT_PROPERTY = "sluice.test.context";
    static final String CLUSTER_PROPERTY = "sluice.test.cluster";

    private final String description;
    private final Config adminConfig;
    private final KubernetesClient admin;
    private final AutoCloseable owned;
    private final Map<Capability, Boolean> capabilities = new EnumMap<>(Capability.class);

    private TestCluster(String description, Config adminConfig, AutoCloseable owned) {
        this.description = description;
        this.adminConfig = adminConfig;
        this.admin = new KubernetesClientBuilder().withConfig(adminConfig).build();
        this.owned = owned;
    }

    /** The cluster the system properties (or their absence) choose; see the class comment. */
    static TestCluster connect() {
        String kubeconfig = System.getProperty(KUBECONFIG_PROPERTY, "");
        String choice = System.getProperty(CLUSTER_PROPERTY, "");
        if (!kubeconfig.isBlank()) {
            return fromKubeconfig(Path.of(kubeconfig), System.getProperty(CONTEXT_PROPERTY), "the cluster of " + kubeconfig, null);
        }
        if (choice.equals("k3s") || (!choice.equals("sandbox") && DockerClientFactory.instance().isDockerAvailable())) {
            K3sCluster k3s = K3sCluster.start();
            return new TestCluster("K3s " + K3sCluster.IMAGE.getVersionPart() + " (Docker)", k3s.adminConfig(), k3s);
        }
        return sandbox();
    }

    /** The sandbox, connected to through the kubeconfig it writes (as a real cluster would be). */
    static TestCluster sandbox() {
        SandboxCluster sandbox = SandboxCluster.start();
        try {
            Path file = Files.createTempDirectory("sluice-cluster-test").resolve("kubeconfig");
            sandbox.writeKubeconfig(file);
            return fromKubeconfig(file, null, "the SANDBOX API server (kubeconfig " + file + ")", () -> {
                sandbox.close();
                Files.delete(file);
                Files.delete(file.getParent());
            });
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static TestCluster fromKubeconfig(Path file, String context, String description, AutoCloseable owned) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("-D" + KUBECONFIG_PROPERTY + "=" + file + ": cannot read it", e);
        }
        Config config = Config.fromKubeconfig(context, text, file.toAbsolutePath().toString());
        return new TestCluster(description, config, owned);
    }

    /** The cluster admin (the kubeconfig's user); closed with the cluster. */
    KubernetesClient admin() {
        return admin;
    }

    /**
     * A new client that acts as another user through impersonation, as Flux does for a Kustomization's
     * {@code spec.serviceAccountName}: the admin's credentials, with {@code Impersonate-User} on each request. The
     * caller closes it.
     */
    KubernetesClient impersonating(String username) {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(adminConfig).withImpersonateUsername(username).build()).build();
    }

    /** Skips the calling test, saying why, when this server lacks {@code capability} (probed once per run). */
    synchronized void assume(Capability capability) {
        boolean has = capabilities.computeIfAbsent(capability, c -> c.probe(this));
        Assumptions.assumeTrue(has, () -> description + " does not " + capability.what() + "; run against a real cluster with -D"
                + KUBECONFIG_PROPERTY + "=FILE (docs/apply-service.md, 'Running the tests against a real cluster')");
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() throws Exception {
        admin.close();
        if (owned != null) {
            owned.close();
        }
    }
}
