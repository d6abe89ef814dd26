package io.sluice.cli.up;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.sluice.api.notification.Receiver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quickstart's webhook: its Receiver (from {@code examples/quickstart/flux/}) and the token in the Secret it
 * names, so {@code sluice up} can print the URL webhook-gateway serves it at and a curl that calls it.
 *
 * @param receiver  {@code namespace/name} of the Receiver
 * @param type      its {@code spec.type}, e.g. {@code generic-hmac}
 * @param token     the {@code token} key of its Secret
 * @param path      {@code /hook/<sha256hex(token + name + namespace)>}, Flux's formula, which the gateway serves
 */
public record QuickstartWebhook(String receiver, String type, String token, String path) {

    /** The Receiver of the quickstart, when flux/ holds one together with its token Secret. */
    static Optional<QuickstartWebhook> find(List<GenericKubernetesResource> objects) {
        for (GenericKubernetesResource receiver : objects) {
            if (!Receiver.KIND.equals(receiver.getKind())) {
                continue;
            }
            String namespace = receiver.getMetadata().getNamespace();
            String name = receiver.getMetadata().getName();
            Object secretName = receiver.get("spec", "secretRef", "name");
            Optional<String> token = objects.stream()
                    .filter(o -> "Secret".equals(o.getKind()) && namespace.equals(o.getMetadata().getNamespace())
                            && o.getMetadata().getName().equals(secretName))
                    .findFirst()
                    .flatMap(QuickstartWebhook::token);
            // GenericKubernetesResource.get is generic in its result: name the type, or String.valueOf(char[]) is picked.
            Object type = receiver.get("spec", "type");
            if (token.isPresent()) {
                return Optional.of(new QuickstartWebhook(namespace + "/" + name, String.valueOf(type),
                        token.get(), path(token.get(), name, namespace)));
            }
        }
        return Optional.empty();
    }

    /** Flux's {@code Receiver.GetWebhookPath}: {@code /hook/} + hex SHA-256 of token, name and namespace. */
    static String path(String token, String name, String namespace) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((token + name + namespace).getBytes(StandardCharsets.UTF_8));
            return "/hook/" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The token from {@code stringData} as written, else from {@code data} (base64). */
    private static Optional<String> token(GenericKubernetesResource secret) {
        if (secret.getAdditionalProperties().get("stringData") instanceof Map<?, ?> stringData && stringData.get("token") != null) {
            return Optional.of(stringData.get("token").toString());
        }
        if (secret.getAdditionalProperties().get("data") instanceof Map<?, ?> data && data.get("token") != null) {
            return Optional.of(new String(Base64.getDecoder().decode(data.get("token").toString()), StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    public String url(int gatewayPort) {
        return "http://127.0.0.1:" + gatewayPort + path;
    }

    /**
     * Shell lines that call the webhook: for {@code generic-hmac} the body is signed with the token
     * ({@code X-Signature: sha256=<hex HMAC>}); {@code generic} needs only the path. Empty for types whose payload
     * comes from a Git host (github, gitlab, ...): those are called by the host, not by hand.
     */
    public List<String> curl(int gatewayPort) {
        return switch (type) {
            case "generic-hmac" -> List.of(
                    "body='{}'; sig=$(printf %s \"$body\" | openssl dgst -sha256 -hmac '" + token + "' -r | cut -d' ' -f1)",
                    "curl -fsS -X POST -H \"X-Signature: sha256=$sig\" -d \"$body\" " + url(gatewayPort));
            case "generic" -> List.of("curl -fsS -X POST " + url(gatewayPort));
            default -> List.of();
        };
    }
}
