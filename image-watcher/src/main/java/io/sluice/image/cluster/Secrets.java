package io.sluice.image.cluster;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Reads a Secret's values, decoded ({@code data}, then {@code stringData} as written by hand), with messages that name it. */
public final class Secrets {

    /** A Secret that is missing or unreadable; the message says which and what to do. */
    public static final class SecretException extends Exception {
        public SecretException(String message) {
            super(message);
        }
    }

    /** A Secret's type and decoded values. */
    public record SecretData(String type, Map<String, byte[]> values) {

        public String text(String key) {
            byte[] value = values.get(key);
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
    }

    private final KubernetesClient client;

    public Secrets(KubernetesClient client) {
        this.client = client;
    }

    /**
     * @param field the spec field that names the Secret, for messages, e.g. {@code spec.secretRef}
     */
    public SecretData read(String namespace, String name, String field) throws SecretException {
        Secret secret;
        try {
            secret = client.secrets().inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            throw new SecretException("failed to get secret '" + namespace + "/" + name + "' (" + field + "): " + e.getMessage());
        }
        if (secret == null) {
            throw new SecretException("secret '" + namespace + "/" + name + "' named by " + field + " does not exist; create it or fix " + field);
        }
        Map<String, byte[]> values = new HashMap<>();
        if (secret.getData() != null) {
            for (Map.Entry<String, String> entry : secret.getData().entrySet()) {
                try {
                    values.put(entry.getKey(), Base64.getMimeDecoder().decode(entry.getValue() == null ? "" : entry.getValue()));
                } catch (IllegalArgumentException e) {
                    throw new SecretException("secret '" + namespace + "/" + name + "' has a value under '" + entry.getKey() + "' that is not base64");
                }
            }
        }
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((k, v) -> values.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        return new SecretData(secret.getType(), values);
    }
}
