package io.sluice.image.scan;

import io.sluice.api.image.ImageRepositorySpec;
import io.sluice.api.meta.ObjectKey;
import io.sluice.image.cluster.Secrets;
import io.sluice.image.registry.ImageName;
import io.sluice.image.registry.RegistryAccess;
import io.sluice.image.registry.RegistryCredentials;

import java.time.Duration;
import java.util.Optional;

/**
 * Turns an ImageRepository's {@code insecure}, {@code secretRef} (a {@code kubernetes.io/dockerconfigjson} Secret, as
 * {@code kubectl create secret docker-registry} makes it) and {@code certSecretRef} ({@code ca.crt}) into how to reach
 * its registry.
 */
final class RegistryAccessReader {

    static final String DOCKER_CONFIG_JSON = ".dockerconfigjson";

    private final Secrets secrets;

    RegistryAccessReader(Secrets secrets) {
        this.secrets = secrets;
    }

    /** @throws ScanFailure AuthenticationFailed when a Secret is missing or unreadable */
    RegistryAccess read(ObjectKey key, ImageRepositorySpec spec, ImageName image, Duration timeout) throws ScanFailure {
        Optional<RegistryCredentials> credentials = Optional.empty();
        if (spec.getSecretRef() != null && spec.getSecretRef().getName() != null) {
            Secrets.SecretData secret = secret(key, spec.getSecretRef().getName(), "spec.secretRef");
            byte[] config = secret.values().get(DOCKER_CONFIG_JSON);
            if (config == null) {
                throw ScanFailure.authentication("secret '" + key.namespace() + "/" + spec.getSecretRef().getName() + "' named by spec.secretRef has no '"
                        + DOCKER_CONFIG_JSON + "'; it must be of type kubernetes.io/dockerconfigjson (kubectl create secret docker-registry)");
            }
            try {
                credentials = RegistryCredentials.fromDockerConfig(config, image.registry());
            } catch (IllegalArgumentException e) {
                throw ScanFailure.authentication("secret '" + key.namespace() + "/" + spec.getSecretRef().getName() + "': " + e.getMessage());
            }
        }
        String ca = null;
        if (spec.getCertSecretRef() != null && spec.getCertSecretRef().getName() != null) {
            Secrets.SecretData secret = secret(key, spec.getCertSecretRef().getName(), "spec.certSecretRef");
            ca = secret.text("ca.crt") != null ? secret.text("ca.crt") : secret.text("caFile");
            if (secret.values().containsKey("tls.crt") || secret.values().containsKey("certFile")) {
                throw ScanFailure.authentication("secret '" + key.namespace() + "/" + spec.getCertSecretRef().getName()
                        + "' holds a client certificate (tls.crt); Sluice does not do mutual TLS with registries yet, only 'ca.crt'");
            }
            if (ca == null) {
                throw ScanFailure.authentication("secret '" + key.namespace() + "/" + spec.getCertSecretRef().getName()
                        + "' named by spec.certSecretRef has no 'ca.crt'; put the registry's CA certificate (PEM) there");
            }
        }
        return new RegistryAccess(Boolean.TRUE.equals(spec.getInsecure()), ca, credentials, timeout);
    }

    private Secrets.SecretData secret(ObjectKey key, String name, String field) throws ScanFailure {
        try {
            return secrets.read(key.namespace(), name, field);
        } catch (Secrets.SecretException e) {
            throw ScanFailure.authentication(e.getMessage());
        }
    }
}
