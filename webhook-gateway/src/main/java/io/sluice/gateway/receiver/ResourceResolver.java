package io.sluice.gateway.receiver;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.meta.FluxKinds;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.CrossNamespaceObjectReference;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a Receiver's {@code spec.resources} into the objects to reconcile, as Flux does: the namespace defaults
 * to the Receiver's; a named object is taken as named; name {@code *} with {@code matchLabels} selects every
 * object of that kind in the namespace carrying those labels (listed from the cluster). The apiVersion is only
 * needed to list by labels; when absent it defaults per kind as in Flux (GitRepository →
 * {@code source.toolkit.fluxcd.io/v1}, ImageRepository → {@code image.toolkit.fluxcd.io/v1}, …).
 */
@ApplicationScoped
public class ResourceResolver {

    /** Flux's defaults for {@code apiVersion} by kind (notification-controller's defaultFluxAPIVersions). */
    static final Map<String, String> DEFAULT_API_VERSIONS = Map.of(
            "Bucket", "source.toolkit.fluxcd.io/v1",
            "HelmChart", "source.toolkit.fluxcd.io/v1",
            "HelmRepository", "source.toolkit.fluxcd.io/v1",
            "GitRepository", "source.toolkit.fluxcd.io/v1",
            "OCIRepository", "source.toolkit.fluxcd.io/v1",
            "ImageRepository", "image.toolkit.fluxcd.io/v1",
            "ArtifactGenerator", "source.extensions.fluxcd.io/v1beta1");

    private final KubernetesClient client;

    ResourceResolver(KubernetesClient client) {
        this.client = client;
    }

    /** A reference that cannot be resolved; the message names the Receiver and the entry. */
    public static class UnresolvableResourceException extends Exception {
        public UnresolvableResourceException(String message) {
            super(message);
        }
    }

    public List<ObjectKey> resolve(ActiveReceiver receiver) throws UnresolvableResourceException {
        List<ObjectKey> keys = new ArrayList<>();
        List<CrossNamespaceObjectReference> resources = receiver.resources();
        for (int i = 0; i < resources.size(); i++) {
            CrossNamespaceObjectReference resource = resources.get(i);
            String namespace = resource.getNamespace() == null || resource.getNamespace().isBlank()
                    ? receiver.namespace() : resource.getNamespace();
            if (!"*".equals(resource.getName())) {
                keys.add(ObjectKey.of(resource.getKind(), namespace, resource.getName()));
                continue;
            }
            String where = receiver.key() + " spec.resources[" + i + "]";
            String apiVersion = resource.getApiVersion() != null ? resource.getApiVersion() : DEFAULT_API_VERSIONS.get(resource.getKind());
            if (apiVersion == null) {
                throw new UnresolvableResourceException(where + ": apiVersion must be given for kind " + resource.getKind());
            }
            try {
                List<? extends HasMetadata> matches = list(apiVersion, resource.getKind(), namespace, resource.getMatchLabels());
                for (HasMetadata match : matches) {
                    keys.add(ObjectKey.of(resource.getKind(), namespace, match.getMetadata().getName()));
                }
            } catch (KubernetesClientException e) {
                throw new UnresolvableResourceException(where + ": could not list " + resource.getKind() + " in " + namespace
                        + " with labels " + resource.getMatchLabels() + " (HTTP " + e.getCode() + ")");
            }
        }
        return keys.stream().distinct().toList();
    }

    private List<? extends HasMetadata> list(String apiVersion, String kind, String namespace, Map<String, String> labels) {
        // Sluice's own model classes need no API discovery; anything else goes through the generic client.
        return FluxKinds.find(apiVersion, kind)
                .<List<? extends HasMetadata>>map(type -> client.resources(type).inNamespace(namespace).withLabels(labels).list().getItems())
                .orElseGet(() -> client.genericKubernetesResources(apiVersion, kind).inNamespace(namespace).withLabels(labels).list().getItems());
    }
}
