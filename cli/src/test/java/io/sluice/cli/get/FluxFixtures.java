package io.sluice.cli.get;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sluice.cli.flux.FluxKind;
import java.util.Map;

/** Flux objects with a status, written to a (sandbox) cluster the way the services would leave them. */
public final class FluxFixtures {

    public static final String SHA = "4c3d0fcbe9a8c1d2e3f40516273849abcdef0123";

    private FluxFixtures() {
    }

    public static GenericKubernetesResource gitRepository(String namespace, String name) {
        return Serialization.unmarshal("""
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  interval: 1m
                  url: http://127.0.0.1:1/git/%s.git
                  ref:
                    branch: main
                """.formatted(name, namespace, name), GenericKubernetesResource.class);
    }

    public static GenericKubernetesResource kustomization(String namespace, String name, String source) {
        return Serialization.unmarshal("""
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  interval: 10m
                  path: ./deploy
                  prune: true
                  sourceRef:
                    kind: GitRepository
                    name: %s
                """.formatted(name, namespace, source), GenericKubernetesResource.class);
    }

    /** An object of an image kind ({@code image.toolkit.fluxcd.io/v1}) with the given spec (YAML lines). */
    public static GenericKubernetesResource image(String kind, String namespace, String name, String spec) {
        return Serialization.unmarshal("apiVersion: image.toolkit.fluxcd.io/v1\nkind: " + kind + "\nmetadata:\n  name: " + name
                + "\n  namespace: " + namespace + "\nspec:\n" + spec.indent(2), GenericKubernetesResource.class);
    }

    /** Creates the object, then writes {@code status} through the status subresource, as a controller does. */
    public static GenericKubernetesResource create(KubernetesClient client, FluxKind kind, GenericKubernetesResource object,
            Map<String, Object> status) {
        var resources = client.genericKubernetesResources(kind.context()).inNamespace(object.getMetadata().getNamespace());
        GenericKubernetesResource created = resources.resource(object).create();
        if (status == null) {
            return created;
        }
        created.setAdditionalProperty("status", status);
        return resources.resource(created).updateStatus();
    }

    public static Map<String, Object> ready(String status, String reason, String message, String lastTransitionTime) {
        return Map.of("type", "Ready", "status", status, "reason", reason, "message", message,
                "lastTransitionTime", lastTransitionTime, "observedGeneration", 1);
    }
}
