package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What each Secret type requires of its data (Kubernetes' {@code ValidateSecret}): TLS secrets a certificate and a
 * key, docker config secrets valid JSON, basic-auth a username or password, SSH auth a private key, service account
 * tokens the account's name.
 */
final class SecretTypes {

    private SecretTypes() {
    }

    static void validate(ObjectNode secret, FieldErrors errors) {
        JsonNode data = secret.path("data");
        switch (secret.path("type").asText("")) {
            case "kubernetes.io/service-account-token" -> {
                if (secret.path("metadata").path("annotations").path("kubernetes.io/service-account.name").asText("")
                        .isEmpty()) {
                    errors.required("metadata.annotations[kubernetes.io/service-account.name]", "");
                }
            }
            case "kubernetes.io/dockercfg" -> json(data, ".dockercfg", errors);
            case "kubernetes.io/dockerconfigjson" -> json(data, ".dockerconfigjson", errors);
            case "kubernetes.io/basic-auth" -> {
                if (!data.has("username") && !data.has("password")) {
                    errors.required("data[username]", "");
                    errors.required("data[password]", "");
                }
            }
            case "kubernetes.io/ssh-auth" -> {
                if (data.path("ssh-privatekey").asText("").isEmpty()) {
                    errors.required("data[ssh-privatekey]", "");
                }
            }
            case "kubernetes.io/tls" -> {
                for (String key : new String[] {"tls.crt", "tls.key"}) {
                    if (!data.has(key)) {
                        errors.required("data[" + key + "]", "");
                    }
                }
            }
            default -> {
            }
        }
    }

    /** The key must be there and hold JSON; the error quotes Go's parser and hides the contents. */
    private static void json(JsonNode data, String key, FieldErrors errors) {
        JsonNode value = data.get(key);
        if (value == null || value.asText().isEmpty()) {
            errors.required("data[" + key + "]", "");
            return;
        }
        String text;
        try {
            text = new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return; // not base64: refused when the body was decoded
        }
        String problem = GoJsonSyntax.firstError(text);
        if (problem != null) {
            errors.invalid("data[" + key + "]", GoSyntax.quote("<secret contents redacted>"), problem);
        }
    }
}
