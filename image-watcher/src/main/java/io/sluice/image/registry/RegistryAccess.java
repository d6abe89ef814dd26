package io.sluice.image.registry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one registry for one scan, from the ImageRepository's spec and Secrets.
 *
 * @param insecure    {@code spec.insecure}: plain HTTP instead of HTTPS
 * @param caPem       {@code ca.crt} of {@code spec.certSecretRef}: the CA certificates (PEM) to trust instead of the
 *                    JVM's; null for the JVM's
 * @param credentials from {@code spec.secretRef} (a dockerconfigjson Secret); empty for anonymous access
 * @param timeout     {@code spec.timeout} (default: the interval): the whole scan must finish within it
 */
public record RegistryAccess(boolean insecure, String caPem, Optional<RegistryCredentials> credentials, Duration timeout) {

    public RegistryAccess {
        credentials = credentials == null ? Optional.empty() : credentials;
        Objects.requireNonNull(timeout, "timeout");
    }

    public static RegistryAccess anonymous(boolean insecure, Duration timeout) {
        return new RegistryAccess(insecure, null, Optional.empty(), timeout);
    }

    String scheme() {
        return insecure ? "http" : "https";
    }
}
