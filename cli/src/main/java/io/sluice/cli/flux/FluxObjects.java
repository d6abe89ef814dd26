package io.sluice.cli.flux;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.cli.CliFailure;
import io.sluice.cli.cluster.Cluster;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reading Flux objects from the cluster, with the messages every command gives for the same failures: a kind whose
 * CRD is not installed, an object that does not exist, an unreachable or refusing API server.
 */
public final class FluxObjects {

    private final Cluster cluster;

    public FluxObjects(Cluster cluster) {
        this.cluster = cluster;
    }

    /** The object, or empty when it does not exist. */
    public Optional<FluxObject> find(FluxKind kind, String namespace, String name) {
        try {
            GenericKubernetesResource resource = cluster.client().genericKubernetesResources(kind.context())
                    .inNamespace(namespace).withName(name).get();
            return Optional.ofNullable(resource).map(r -> new FluxObject(kind, r));
        } catch (KubernetesClientException e) {
            throw failure(kind, "read " + kind.kind() + " " + namespace + "/" + name, e);
        }
    }

    /** The object; a {@link CliFailure} naming the cluster when it does not exist. */
    public FluxObject require(FluxKind kind, String namespace, String name) {
        return find(kind, namespace, name).orElseThrow(() -> new CliFailure(kind.kind() + " " + namespace + "/" + name
                + " not found in the cluster at " + cluster.url() + " (from " + cluster.source() + ")."
                + " See what exists with 'sluice get all -A'."));
    }

    /**
     * Every object of {@code kind} in {@code namespace} (null: every namespace), sorted by namespace and name.
     *
     * @throws KubernetesClientException 404 when the kind's CRD is not installed, for callers that skip such kinds
     */
    public List<FluxObject> listOrNotServed(FluxKind kind, String namespace) {
        var resources = cluster.client().genericKubernetesResources(kind.context());
        List<GenericKubernetesResource> items;
        try {
            items = namespace == null ? resources.inAnyNamespace().list().getItems() : resources.inNamespace(namespace).list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                throw e;
            }
            throw cluster.failure("list " + kind.kind() + " objects " + where(namespace), e);
        }
        return items.stream()
                .map(item -> new FluxObject(kind, item))
                .sorted(Comparator.comparing(FluxObject::namespace).thenComparing(FluxObject::name))
                .toList();
    }

    /** As {@link #listOrNotServed}, with a missing CRD reported as a {@link CliFailure}. */
    public List<FluxObject> list(FluxKind kind, String namespace) {
        try {
            return listOrNotServed(kind, namespace);
        } catch (KubernetesClientException e) {
            throw failure(kind, "list " + kind.kind() + " objects " + where(namespace), e);
        }
    }

    /** "in flux-system namespace", "in any namespace". */
    public static String where(String namespace) {
        return namespace == null ? "in any namespace" : "in " + namespace + " namespace";
    }

    private CliFailure failure(FluxKind kind, String doing, KubernetesClientException e) {
        if (e.getCode() == 404) {
            return new CliFailure("The cluster at " + cluster.url() + " (from " + cluster.source() + ") has no CRD " + kind.crdName()
                    + ". Install Sluice with 'sluice install', or its CRDs with 'kubectl apply -k deploy/crds',"
                    + " or point at another cluster with --kubeconfig.", e);
        }
        return cluster.failure(doing, e);
    }
}
