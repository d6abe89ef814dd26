package io.sluice.cli.install;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sluice.cli.CliFailure;
import io.sluice.kustomize.KustomizeException;
import io.sluice.kustomize.Kustomizer;
import io.sluice.kustomize.yaml.YamlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code sluice install} puts on a cluster besides the CRDs: the kustomize base {@code deploy/} of the checkout
 * (namespace {@value #NAMESPACE}, the Kafka ConfigMap, each service's ServiceAccount, RBAC, Deployment and Service),
 * built by Sluice's own Kustomize engine, in kustomize's order (Namespace first, Deployments last). The CRDs in that
 * base are left out: {@link io.sluice.cli.cluster.CrdInstaller} installs them and waits until they are served.
 */
final class SluiceManifests {

    static final String NAMESPACE = "sluice-system";
    static final String KAFKA_CONFIG = "sluice-kafka";
    static final String KAFKA_KEY = "KAFKA_BOOTSTRAP_SERVERS";

    private final List<Map<String, Object>> built;

    private SluiceManifests(List<Map<String, Object>> built) {
        this.built = List.copyOf(built);
    }

    /**
     * Builds {@code deploy/}, with the Kafka ConfigMap pointed at {@code kafkaBootstrap} when given.
     *
     * @throws CliFailure no {@code deploy/} folder, or its build fails
     */
    static SluiceManifests build(Path deploy, Optional<String> kafkaBootstrap) {
        if (!Files.isRegularFile(deploy.resolve("kustomization.yaml"))) {
            throw new CliFailure("No kustomization.yaml in " + deploy + ": --home / $SLUICE_HOME must name the Sluice checkout"
                    + " (the folder holding ./sluice and deploy/).");
        }
        List<Map<String, Object>> built;
        try {
            built = new Kustomizer().build(deploy);
        } catch (KustomizeException e) {
            throw new CliFailure("Cannot build " + deploy + ": " + e.getMessage(), e);
        }
        List<Map<String, Object>> kept = built.stream().filter(object -> !"CustomResourceDefinition".equals(object.get("kind"))).toList();
        kafkaBootstrap.ifPresent(bootstrap -> kafkaData(kept).orElseThrow(() -> new CliFailure(deploy + " has no ConfigMap "
                + NAMESPACE + "/" + KAFKA_CONFIG + " to set the Kafka address in.")).put(KAFKA_KEY, bootstrap));
        return new SluiceManifests(kept);
    }

    /** The {@code data} of the Kafka ConfigMap, as built (a mutable map). */
    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> kafkaData(List<Map<String, Object>> objects) {
        return objects.stream()
                .filter(o -> "ConfigMap".equals(o.get("kind")) && o.get("metadata") instanceof Map<?, ?> meta
                        && KAFKA_CONFIG.equals(meta.get("name")) && o.get("data") instanceof Map<?, ?>)
                .map(o -> (Map<String, Object>) o.get("data"))
                .findFirst();
    }

    /** The objects as the API client sends them (typed where the kind is a built-in one). */
    List<HasMetadata> objects() {
        KubernetesSerialization serialization = new KubernetesSerialization();
        return built.stream().map(map -> (HasMetadata) serialization.unmarshal(serialization.asJson(map))).toList();
    }

    /** The objects as one YAML stream, as {@code kustomize build} prints it, for {@code --export}. */
    String yaml() {
        return YamlWriter.writeAll(built);
    }

    /** {@code Deployment/sluice-system/source-service}, {@code ClusterRole/sluice-source-service}. */
    static String describe(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return object.getKind() + "/" + (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
    }
}
