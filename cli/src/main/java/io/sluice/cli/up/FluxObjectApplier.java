package io.sluice.cli.up;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.image.ImageUpdateAutomation;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.notification.Receiver;
import io.sluice.api.source.GitRepository;
import java.util.List;
import java.util.Map;

/**
 * Creates (or updates) Flux objects in the cluster, creating their namespaces first.
 *
 * <p>Create-or-update rather than server-side apply: the sandbox API does not implement server-side apply, and
 * these objects are owned by {@code sluice up} anyway.
 */
final class FluxObjectApplier {

    private static final Map<String, ResourceDefinitionContext> CONTEXTS = Map.of(
            GitRepository.KIND, ResourceDefinitionContext.fromResourceType(GitRepository.class),
            Kustomization.KIND, ResourceDefinitionContext.fromResourceType(Kustomization.class),
            Receiver.KIND, ResourceDefinitionContext.fromResourceType(Receiver.class),
            "Secret", ResourceDefinitionContext.fromResourceType(Secret.class),
            ImageRepository.KIND, ResourceDefinitionContext.fromResourceType(ImageRepository.class),
            ImagePolicy.KIND, ResourceDefinitionContext.fromResourceType(ImagePolicy.class),
            ImageUpdateAutomation.KIND, ResourceDefinitionContext.fromResourceType(ImageUpdateAutomation.class));

    private final KubernetesClient client;

    FluxObjectApplier(KubernetesClient client) {
        this.client = client;
    }

    void apply(List<GenericKubernetesResource> objects) {
        objects.stream().map(o -> o.getMetadata().getNamespace()).distinct().forEach(this::ensureNamespace);
        // Secrets first: a Receiver reads its token Secret when it appears, and would otherwise wait for the
        // gateway's next resync (a minute) to find it.
        objects.stream().filter(o -> "Secret".equals(o.getKind())).forEach(this::apply);
        objects.stream().filter(o -> !"Secret".equals(o.getKind())).forEach(this::apply);
    }

    private void ensureNamespace(String name) {
        if (client.namespaces().withName(name).get() == null) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        }
    }

    private void apply(GenericKubernetesResource object) {
        ResourceDefinitionContext context = CONTEXTS.get(object.getKind());
        try {
            client.genericKubernetesResources(context)
                    .inNamespace(object.getMetadata().getNamespace())
                    .resource(object)
                    .createOr(NonDeletingOperation::update);
        } catch (KubernetesClientException e) {
            String hint = e.getCode() == 404
                    ? " The cluster does not know the kind; install Sluice's CRDs first (kubectl apply -f deploy/crds/)."
                    : "";
            throw new UpFailedException("Could not apply " + object.getKind() + " " + object.getMetadata().getNamespace() + "/"
                    + object.getMetadata().getName() + ": HTTP " + e.getCode() + " " + e.getMessage() + "." + hint, e);
        }
    }
}
