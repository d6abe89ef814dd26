package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sluice.apply.ssa.RevisionApplier;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Kubernetes client and {@link RevisionApplier} a Kustomization's objects are applied, pruned and
 * health-checked with. Without {@code spec.serviceAccountName}: the service's own client. With it: a client
 * derived from the service's client configuration that impersonates {@code system:serviceaccount:<ns>:<name>}
 * (fabric8 sends {@code Impersonate-User}), as kustomize-controller does, so the API server's RBAC decides what
 * that service account may change. One client per user, kept until the service stops.
 */
public final class Appliers implements AutoCloseable {

    private final KubernetesClient client;
    private final Function<KubernetesClient, RevisionApplier> newApplier;
    private final RevisionApplier own;
    private final Map<String, KubernetesClient> impersonating = new ConcurrentHashMap<>();
    private final Map<String, RevisionApplier> appliers = new ConcurrentHashMap<>();

    /**
     * @param client     the service's client
     * @param newApplier makes the applier for a client (tests pass a shorter health polling interval)
     */
    public Appliers(KubernetesClient client, Function<KubernetesClient, RevisionApplier> newApplier) {
        this.client = client;
        this.newApplier = newApplier;
        this.own = newApplier.apply(client);
    }

    /** The service's own client (reading Kustomizations, writing their status). */
    public KubernetesClient serviceClient() {
        return client;
    }

    /** The client acting as {@code user}; the service's own for null. */
    public KubernetesClient clientFor(String user) {
        return user == null ? client : impersonating.computeIfAbsent(user, this::impersonate);
    }

    public RevisionApplier applierFor(String user) {
        return user == null ? own : appliers.computeIfAbsent(user, u -> newApplier.apply(clientFor(u)));
    }

    private KubernetesClient impersonate(String user) {
        Config config = new ConfigBuilder(client.getConfiguration())
                .withImpersonateUsername(user)
                .withImpersonateGroups() // the API server adds the service account's groups itself
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    @Override
    public void close() {
        impersonating.values().forEach(KubernetesClient::close);
        impersonating.clear();
        appliers.clear();
    }
}
