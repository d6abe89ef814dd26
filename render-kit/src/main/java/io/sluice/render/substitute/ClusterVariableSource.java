package io.sluice.render.substitute;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Map;
import java.util.Optional;

/** {@code postBuild.substituteFrom} read from the cluster: a missing object is empty, any other API error throws. */
public final class ClusterVariableSource implements VariableSource {

    private final KubernetesClient client;

    public ClusterVariableSource(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<Map<String, String>> configMap(String namespace, String name) {
        ConfigMap cm = client.configMaps().inNamespace(namespace).withName(name).get();
        return cm == null ? Optional.empty() : Optional.of(cm.getData() == null ? Map.of() : cm.getData());
    }

    @Override
    public Optional<Map<String, String>> secret(String namespace, String name) {
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null) {
            return Optional.empty();
        }
        // stringData is write-only in the API; a Secret read back has only base64 data
        return Optional.of(secret.getData() == null ? Map.of() : secret.getData());
    }
}
