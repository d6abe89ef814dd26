package io.sluice.source.reconcile;

import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.source.helm.ChartRepositoryAccess;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Reads how to reach a HelmRepository from its Secrets, with Flux's keys: {@code username} and {@code password} of
 * {@code spec.secretRef} (both or neither), {@code ca.crt} of {@code spec.certSecretRef}. A Secret that is missing or
 * lacks what it must hold is {@code AuthenticationFailed}, as in Flux; client certificates ({@code tls.crt},
 * {@code tls.key}) are refused with a message saying they are not supported yet, rather than silently left out.
 */
final class RepositoryAccessReader {

    private final SecretCredentials secrets;

    RepositoryAccessReader(SecretCredentials secrets) {
        this.secrets = secrets;
    }

    ChartRepositoryAccess read(HelmRepositorySettings settings) throws ReconcileFailure {
        ObjectKey key = settings.key();
        Optional<ChartRepositoryAccess.Credentials> credentials = Optional.empty();
        if (settings.secretName() != null) {
            Map<String, byte[]> data = secrets.data(key, settings.secretName(), "spec.secretRef");
            String username = text(data, "username");
            String password = text(data, "password");
            if (username == null || password == null) {
                throw failure("secret '" + key.namespace() + "/" + settings.secretName() + "' of spec.secretRef must hold both 'username' and 'password'"
                        + " for Basic auth (it has " + (username == null && password == null ? "neither" : username == null ? "no 'username'" : "no 'password'") + ")");
            }
            credentials = Optional.of(new ChartRepositoryAccess.Credentials(username, password));
        }
        String caPem = null;
        if (settings.certSecretName() != null) {
            String where = key.namespace() + "/" + settings.certSecretName();
            Map<String, byte[]> data = secrets.data(key, settings.certSecretName(), "spec.certSecretRef");
            if (data.containsKey("tls.crt") || data.containsKey("tls.key")) {
                throw failure("secret '" + where + "' of spec.certSecretRef holds a client certificate ('tls.crt'/'tls.key'), which Sluice does not"
                        + " support yet for Helm repositories; use Basic auth (spec.secretRef) or leave the client certificate out");
            }
            caPem = text(data, "ca.crt");
            if (caPem == null) {
                throw failure("secret '" + where + "' of spec.certSecretRef has no 'ca.crt'; put the repository's CA certificate (PEM) there");
            }
        }
        return new ChartRepositoryAccess(settings.url(), credentials, caPem, settings.passCredentials(), settings.timeout());
    }

    private static ReconcileFailure failure(String message) {
        return new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.AUTHENTICATION_FAILED, message);
    }

    private static String text(Map<String, byte[]> data, String key) {
        byte[] value = data.get(key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
