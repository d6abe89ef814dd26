package io.sluice.gateway.receiver;

import io.fabric8.kubernetes.api.model.Secret;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.notification.CrossNamespaceObjectReference;
import io.sluice.api.notification.Receiver;
import io.sluice.api.notification.ReceiverSpec;
import io.sluice.gateway.payload.NexusPayloads;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a Receiver can be served, from the Receiver and its Secret, as Flux's Receiver reconciler does:
 * Ready with the webhook path when the Secret has a {@code token}, not Ready with reason {@code TokenNotFound}
 * when the Secret or its key is missing. Sluice adds two checks Flux makes elsewhere or not at all, both
 * reported as {@code ValidationFailed}: a type the gateway does not serve, and a {@code *} resource without
 * {@code matchLabels} (Flux fails each request for it instead). An empty token is refused too: with it every
 * HMAC check would use an empty key.
 */
public final class ReceiverEvaluation {

    private ReceiverEvaluation() {
    }

    /** The outcome for a Receiver. */
    public sealed interface Outcome permits Ready, NotReady {
    }

    /** Serve {@code receiver}; {@code message} is Flux's: {@code Receiver initialized for path: /hook/…}. */
    public record Ready(ActiveReceiver receiver, String message) implements Outcome {
    }

    /** Do not serve; say why in the Ready condition. */
    public record NotReady(String reason, String message) implements Outcome {
    }

    /**
     * @param receiver the Receiver
     * @param secret   the Secret named by {@code spec.secretRef.name} in the Receiver's namespace, or null if none
     */
    public static Outcome evaluate(Receiver receiver, Secret secret) {
        String namespace = receiver.getMetadata().getNamespace();
        String name = receiver.getMetadata().getName();
        ReceiverSpec spec = receiver.getSpec() == null ? new ReceiverSpec() : receiver.getSpec();

        ReceiverType type = ReceiverType.fromSpec(spec.getType()).orElse(null);
        if (type == null) {
            return new NotReady(Reasons.VALIDATION_FAILED, "spec.type '" + spec.getType()
                    + "' is not served by the Sluice webhook-gateway; use one of " + ReceiverType.supported());
        }
        List<CrossNamespaceObjectReference> resources = spec.getResources() == null ? List.of() : spec.getResources();
        for (int i = 0; i < resources.size(); i++) {
            CrossNamespaceObjectReference resource = resources.get(i);
            if (resource.getKind() == null || resource.getKind().isBlank() || resource.getName() == null || resource.getName().isBlank()) {
                return new NotReady(Reasons.VALIDATION_FAILED, "spec.resources[" + i + "] needs a kind and a name");
            }
            if ("*".equals(resource.getName()) && (resource.getMatchLabels() == null || resource.getMatchLabels().isEmpty())) {
                return new NotReady(Reasons.VALIDATION_FAILED, "spec.resources[" + i + "] has name '*' but no matchLabels;"
                        + " add matchLabels to select objects, or name one object");
            }
        }
        String secretName = spec.getSecretRef() == null ? null : spec.getSecretRef().getName();
        if (secretName == null || secretName.isBlank()) {
            return new NotReady(Reasons.TOKEN_NOT_FOUND, "spec.secretRef.name is not set; point it at a Secret with a 'token' key");
        }
        String where = "Secret '" + namespace + "/" + secretName + "'";
        String fix = "; create it with: kubectl -n " + namespace + " create secret generic " + secretName
                + " --from-literal=token=$(head -c 12 /dev/urandom | shasum | cut -d ' ' -f1)";
        if (secret == null) {
            return new NotReady(Reasons.TOKEN_NOT_FOUND, "unable to read token: " + where + " not found" + fix);
        }
        String token;
        try {
            token = token(secret);
        } catch (IllegalArgumentException e) {
            return new NotReady(Reasons.TOKEN_NOT_FOUND, where + " has a 'token' that is not valid base64 in data");
        }
        if (token == null) {
            return new NotReady(Reasons.TOKEN_NOT_FOUND, where + " has no 'token' key" + fix);
        }
        if (token.isEmpty()) {
            return new NotReady(Reasons.TOKEN_NOT_FOUND, where + " has an empty 'token'; put a random string in it");
        }
        String path = WebhookPath.of(token, name, namespace);
        Map<String, String> annotations = receiver.getMetadata().getAnnotations();
        String nexusRegistry = annotations == null ? null : annotations.get(NexusPayloads.REGISTRY_ANNOTATION);
        ActiveReceiver active = new ActiveReceiver(ObjectKey.of(Receiver.KIND, namespace, name), type, path,
                token.getBytes(StandardCharsets.UTF_8), spec.getEvents() == null ? List.of() : spec.getEvents(),
                resources, Boolean.TRUE.equals(spec.getSuspend()), nexusRegistry);
        return new Ready(active, "Receiver initialized for path: " + path);
    }

    /**
     * The {@code token} key: from {@code data} (base64, as the API server stores every Secret), else from
     * {@code stringData} (the sandbox's in-memory API keeps {@code stringData} as written instead of merging it
     * into {@code data}). Null when neither has it.
     */
    static String token(Secret secret) {
        if (secret.getData() != null && secret.getData().get("token") != null) {
            return new String(Base64.getDecoder().decode(secret.getData().get("token").trim()), StandardCharsets.UTF_8);
        }
        if (secret.getStringData() != null) {
            return secret.getStringData().get("token");
        }
        return null;
    }
}
