package io.sluice.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A user name and password (or an identity token) for one registry, read from a {@code kubernetes.io/dockerconfigjson}
 * Secret as {@code kubectl create secret docker-registry} writes it. {@link #toString()} never shows the secret.
 */
public record RegistryCredentials(String username, String password) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RegistryCredentials {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /** {@code Basic base64(user:password)}. */
    String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The credentials for {@code registry} in a {@code .dockerconfigjson} document: the {@code auths} entry whose key
     * is the host, or a URL of it ({@code https://index.docker.io/v1/} for Docker Hub, as docker login writes it).
     * Empty when the document has no entry for the registry.
     *
     * @throws IllegalArgumentException when the document cannot be read, with what is wrong (never a secret value)
     */
    public static Optional<RegistryCredentials> fromDockerConfig(byte[] dockerConfigJson, String registry) {
        JsonNode root;
        try {
            root = JSON.readTree(dockerConfigJson);
        } catch (Exception e) {
            throw new IllegalArgumentException(".dockerconfigjson is not valid JSON");
        }
        JsonNode auths = root == null ? null : root.get("auths");
        if (auths == null || !auths.isObject()) {
            throw new IllegalArgumentException(".dockerconfigjson has no 'auths' object; create the Secret with "
                    + "'kubectl create secret docker-registry NAME --docker-server=HOST --docker-username=USER --docker-password=...'");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (hostOf(entry.getKey()).equals(hostOf(registry)) || (isDockerHub(registry) && isDockerHub(hostOf(entry.getKey())))) {
                return Optional.of(read(entry.getKey(), entry.getValue()));
            }
        }
        return Optional.empty();
    }

    private static RegistryCredentials read(String key, JsonNode entry) {
        String username = text(entry, "username");
        String password = text(entry, "password");
        String auth = text(entry, "auth");
        String identityToken = text(entry, "identitytoken");
        if ((username == null || password == null) && auth != null) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(".dockerconfigjson entry '" + key + "' has an 'auth' that is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(".dockerconfigjson entry '" + key + "' has an 'auth' that is not base64 of 'user:password'");
            }
            username = decoded.substring(0, colon);
            password = decoded.substring(colon + 1);
        }
        if (identityToken != null && (password == null || password.isEmpty())) {
            // docker's convention: an identity token is sent as the password of the special user <token>.
            return new RegistryCredentials("<token>", identityToken);
        }
        if (username == null && password == null) {
            throw new IllegalArgumentException(".dockerconfigjson entry '" + key + "' has neither 'auth' nor 'username'/'password'");
        }
        return new RegistryCredentials(username, password);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** {@code https://index.docker.io/v1/} → {@code index.docker.io}; {@code 127.0.0.1:5000} stays. */
    static String hostOf(String keyOrHost) {
        String text = keyOrHost.trim().toLowerCase(Locale.ROOT);
        int scheme = text.indexOf("://");
        if (scheme >= 0) {
            text = text.substring(scheme + 3);
        }
        int slash = text.indexOf('/');
        return slash < 0 ? text : text.substring(0, slash);
    }

    private static boolean isDockerHub(String host) {
        return host.equals(ImageName.DOCKER_HUB) || host.equals("index.docker.io") || host.equals("registry-1.docker.io");
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=***]";
    }
}
