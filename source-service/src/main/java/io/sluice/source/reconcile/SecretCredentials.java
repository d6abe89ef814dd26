package io.sluice.source.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.git.GitCredentials;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the credentials of a GitRepository's {@code spec.secretRef} from its Secret: {@code data} (base64, as every
 * API server stores it) and {@code stringData} (the sandbox keeps it as written), {@code data} winning. A Secret
 * that cannot be read is Flux's {@code AuthenticationFailed} on FetchFailed, with a message saying which Secret and
 * what to do; never a value from it.
 */
final class SecretCredentials {

    private final KubernetesClient client;

    SecretCredentials(KubernetesClient client) {
        this.client = client;
    }

    /** The Secret's credentials; none when {@code secretName} is null (no {@code spec.secretRef}). */
    GitCredentials read(ObjectKey owner, String secretName) throws ReconcileFailure {
        if (secretName == null) {
            return GitCredentials.none();
        }
        String where = owner.namespace() + "/" + secretName;
        Secret secret;
        try {
            secret = client.secrets().inNamespace(owner.namespace()).withName(secretName).get();
        } catch (KubernetesClientException e) {
            throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.AUTHENTICATION_FAILED,
                    "failed to get secret '" + where + "': " + e.getMessage(), e);
        }
        if (secret == null) {
            throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.AUTHENTICATION_FAILED,
                    "failed to get secret '" + where + "': secrets \"" + secretName + "\" not found; create it or fix spec.secretRef");
        }
        Map<String, byte[]> data = new HashMap<>();
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        if (secret.getData() != null) {
            try {
                secret.getData().forEach((k, v) -> data.put(k, Base64.getMimeDecoder().decode(v)));
            } catch (IllegalArgumentException e) {
                throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.AUTHENTICATION_FAILED,
                        "secret '" + where + "' has a data value that is not base64");
            }
        }
        return GitCredentials.fromSecretData(data);
    }
}
