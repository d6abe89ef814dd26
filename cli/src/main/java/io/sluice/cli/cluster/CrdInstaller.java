package io.sluice.cli.cluster;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.meta.FluxKinds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs Sluice's CustomResourceDefinitions into a cluster, as {@code flux install} does: every kind of
 * {@link FluxKinds#ALL}, from the CRD the api module generates into its jar ({@code META-INF/fabric8/<name>-v1.yml},
 * the same files as {@code deploy/crds/}), server-side applied with field manager {@value #FIELD_MANAGER} and
 * conflicts forced (an older Sluice's or a hand-applied CRD is brought to this version), then waited for until the
 * API server serves each kind. Applying again changes nothing. Used by {@code sluice up --kubeconfig}; meant for
 * {@code sluice install} too.
 */
public final class CrdInstaller {

    public static final String FIELD_MANAGER = "sluice-install";
    /** How long the API server gets to establish the CRDs (a real one takes about a second). */
    public static final Duration ESTABLISHED_WITHIN = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);

    private final KubernetesClient client;

    public CrdInstaller(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Applies every CRD and waits until each kind is served.
     *
     * @return the CRD names, e.g. {@code gitrepositories.source.toolkit.fluxcd.io}
     * @throws KubernetesClientException the API server refused a CRD (the message names it and the server's reason)
     * @throws IllegalStateException     a kind was not served within {@code within}
     */
    public List<String> install(Duration within) {
        List<CustomResourceDefinition> crds = FluxKinds.ALL.stream().map(this::definition).toList();
        List<String> names = new ArrayList<>();
        for (CustomResourceDefinition crd : crds) {
            String name = crd.getMetadata().getName();
            try {
                client.resource(crd).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
            } catch (KubernetesClientException e) {
                String why = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
                throw new KubernetesClientException("the API server at " + client.getMasterUrl() + " refused CRD " + name + ": "
                        + why + " (HTTP " + e.getCode() + ")" + (e.getCode() == 403 ? "; installing CRDs takes a cluster admin: ask one"
                        + " to run 'kubectl apply -k deploy/crds', then start again" : ""), e.getCode(), e.getStatus());
            }
            names.add(name);
        }
        awaitServed(crds, within);
        return names;
    }

    /** The CRD the api jar carries for {@code type}. */
    CustomResourceDefinition definition(Class<? extends CustomResource<?, ?>> type) {
        String resource = "/META-INF/fabric8/" + FluxKinds.crdName(type) + "-v1.yml";
        try (InputStream in = FluxKinds.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the sluice-api jar has no " + resource + "; rebuild it (./mvnw -pl api package)");
            }
            return client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the sluice-api jar", e);
        }
    }

    /** A kind is usable once API discovery lists it: a real API server lists it only once the CRD is established. */
    private void awaitServed(List<CustomResourceDefinition> crds, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        List<CustomResourceDefinition> waiting = new ArrayList<>(crds);
        while (true) {
            waiting.removeIf(this::served);
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the API server at " + client.getMasterUrl() + " does not serve "
                        + waiting.stream().map(crd -> crd.getMetadata().getName()).toList() + " " + within.toSeconds()
                        + " s after they were applied; see 'kubectl get crd NAME -o yaml' (status.conditions)");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Sluice's CRDs to be served", e);
            }
        }
    }

    private boolean served(CustomResourceDefinition crd) {
        String group = crd.getSpec().getGroup();
        String kind = crd.getSpec().getNames().getKind();
        return crd.getSpec().getVersions().stream().filter(version -> Boolean.TRUE.equals(version.getServed())).allMatch(version -> {
            try {
                APIResourceList resources = client.getApiResources(group + "/" + version.getName());
                return resources != null && resources.getResources().stream().anyMatch(r -> kind.equals(r.getKind()));
            } catch (KubernetesClientException e) {
                return false; // 404 until the group is served
            }
        });
    }
}
