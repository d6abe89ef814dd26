package io.sluice.git;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Credentials read from a GitRepository's {@code secretRef} Secret, with Flux's keys: {@code username},
 * {@code password}, {@code bearerToken}, {@code identity} (SSH private key, PEM or OpenSSH), {@code known_hosts}.
 * For SSH, {@code password} is the private key's passphrase, as in Flux.
 *
 * <p>Sluice adds one key: {@code insecureIgnoreHostKey: "true"} turns SSH host key checking off. Without it,
 * an SSH fetch needs {@code known_hosts} and fails when the server's key is not listed there.
 *
 * <p>{@link #toString()} never shows secret values, only which ones are present.
 */
public record GitCredentials(String username, String password, String bearerToken, String identity,
                             String knownHosts, boolean insecureIgnoreHostKey) {

    /** The Secret key that turns SSH host key checking off. */
    public static final String INSECURE_IGNORE_HOST_KEY = "insecureIgnoreHostKey";

    private static final GitCredentials NONE = new GitCredentials(null, null, null, null, null, false);

    public GitCredentials {
        username = blankToNull(username);
        password = blankToNull(password);
        bearerToken = blankToNull(bearerToken);
        identity = blankToNull(identity);
        knownHosts = blankToNull(knownHosts);
    }

    public static GitCredentials none() {
        return NONE;
    }

    /** Reads Flux's keys from a Secret's decoded {@code data}; unknown keys (e.g. {@code identity.pub}) are ignored. */
    public static GitCredentials fromSecretData(Map<String, byte[]> data) {
        if (data == null || data.isEmpty()) {
            return NONE;
        }
        return new GitCredentials(
                text(data, "username"),
                text(data, "password"),
                text(data, "bearerToken"),
                text(data, "identity"),
                text(data, "known_hosts"),
                "true".equalsIgnoreCase(String.valueOf(text(data, INSECURE_IGNORE_HOST_KEY)).trim()));
    }

    public boolean hasBasicAuth() {
        return username != null || (password != null && identity == null);
    }

    public boolean hasBearerToken() {
        return bearerToken != null;
    }

    public boolean hasIdentity() {
        return identity != null;
    }

    @Override
    public String toString() {
        return "GitCredentials[username=" + (username == null ? "none" : "set")
                + ", password=" + (password == null ? "none" : "***")
                + ", bearerToken=" + (bearerToken == null ? "none" : "***")
                + ", identity=" + (identity == null ? "none" : "***")
                + ", knownHosts=" + (knownHosts == null ? "none" : "set")
                + ", insecureIgnoreHostKey=" + insecureIgnoreHostKey + "]";
    }

    private static String text(Map<String, byte[]> data, String key) {
        byte[] value = data.get(key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
