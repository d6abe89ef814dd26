package io.sluice.cli.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.sluice.api.image.ImagePolicy;
import io.sluice.api.image.ImageRepository;
import io.sluice.api.image.ImageUpdateAutomation;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.notification.Alert;
import io.sluice.api.notification.Provider;
import io.sluice.api.notification.Receiver;
import io.sluice.api.source.GitRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Creates the test's Flux objects from YAML and reads back what the pipeline wrote: status, applied objects. */
final class ClusterObjects {

    private static final Map<String, ResourceDefinitionContext> FLUX_KINDS = Map.of(
            GitRepository.KIND, ResourceDefinitionContext.fromResourceType(GitRepository.class),
            Kustomization.KIND, ResourceDefinitionContext.fromResourceType(Kustomization.class),
            Receiver.KIND, ResourceDefinitionContext.fromResourceType(Receiver.class),
            Provider.KIND, ResourceDefinitionContext.fromResourceType(Provider.class),
            Alert.KIND, ResourceDefinitionContext.fromResourceType(Alert.class),
            ImageRepository.KIND, ResourceDefinitionContext.fromResourceType(ImageRepository.class),
            ImagePolicy.KIND, ResourceDefinitionContext.fromResourceType(ImagePolicy.class),
            ImageUpdateAutomation.KIND, ResourceDefinitionContext.fromResourceType(ImageUpdateAutomation.class));

    /** The Ready condition of an object, or its absence. */
    record Ready(String status, String reason, String message) {

        static final Ready NONE = new Ready("(no Ready condition)", "", "");

        @Override
        public String toString() {
            return "Ready=" + status + " " + reason + ": " + message;
        }
    }

    private final KubernetesClient client;

    ClusterObjects(KubernetesClient client) {
        this.client = client;
    }

    /** Creates one Flux object (GitRepository, Kustomization, Receiver, Provider, Alert, image kinds) written as YAML. */
    void create(String yaml) {
        GenericKubernetesResource object = client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        ResourceDefinitionContext context = FLUX_KINDS.get(object.getKind());
        if (context == null) {
            throw new IllegalArgumentException("not a Flux kind this test creates: " + object.getKind() + "; known: " + FLUX_KINDS.keySet());
        }
        client.genericKubernetesResources(context).inNamespace(object.getMetadata().getNamespace()).resource(object).create();
    }

    /**
     * Deletes what the test creates in a cluster that outlives it (one given by {@code -Dsluice.test.kubeconfig}): its
     * Flux objects and Secrets in {@code namespace} whose names start with {@code prefix}, and the namespace {@code app}
     * the pipeline applied to. Also run first, so a run that died half way leaves nothing in the way of the next.
     */
    void deleteTestObjects(String namespace, String prefix, String app) {
        for (ResourceDefinitionContext kind : FLUX_KINDS.values()) {
            client.genericKubernetesResources(kind).inNamespace(namespace).list().getItems().stream()
                    .filter(object -> object.getMetadata().getName().startsWith(prefix))
                    .forEach(object -> client.genericKubernetesResources(kind).inNamespace(namespace).resource(object).delete());
        }
        client.secrets().inNamespace(namespace).list().getItems().stream()
                .filter(secret -> secret.getMetadata().getName().startsWith(prefix))
                .forEach(secret -> client.secrets().inNamespace(namespace).resource(secret).delete());
        client.namespaces().withName(app).delete();
    }

    void createSecret(String namespace, String name, Map<String, String> stringData) {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .endMetadata().withStringData(stringData).build()).create();
    }

    Optional<GenericKubernetesResource> get(String kind, String namespace, String name) {
        return Optional.ofNullable(client.genericKubernetesResources(FLUX_KINDS.get(kind)).inNamespace(namespace).withName(name).get());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> status(String kind, String namespace, String name) {
        return get(kind, namespace, name).map(o -> (Map<String, Object>) o.getAdditionalProperties().get("status"))
                .orElse(Map.of());
    }

    Ready ready(String kind, String namespace, String name) {
        Object conditions = status(kind, namespace, name).get("conditions");
        if (conditions instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> condition && "Ready".equals(condition.get("type"))) {
                    return new Ready(String.valueOf(condition.get("status")), String.valueOf(condition.get("reason")),
                            String.valueOf(condition.get("message")));
                }
            }
        }
        return Ready.NONE;
    }

    /** {@code status.<field>} as text, or "" when absent. */
    String statusField(String kind, String namespace, String name, String field) {
        Object value = status(kind, namespace, name).get(field);
        return value == null ? "" : value.toString();
    }

    Optional<ConfigMap> configMap(String namespace, String name) {
        return Optional.ofNullable(client.configMaps().inNamespace(namespace).withName(name).get());
    }

    /** The ConfigMaps in {@code namespace} with their resourceVersions, for "untouched" checks and messages. */
    Map<String, String> configMapVersions(String namespace) {
        return client.configMaps().inNamespace(namespace).list().getItems().stream().collect(Collectors.toMap(
                c -> c.getMetadata().getName(), c -> c.getMetadata().getResourceVersion(), (a, b) -> a, TreeMap::new));
    }
}
