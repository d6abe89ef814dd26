package io.sluice.source.helm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one Helm chart repository over HTTP(S), from a HelmRepository's spec and Secrets.
 *
 * @param url             {@code spec.url}, the repository's base URL ({@code index.yaml} is below it)
 * @param credentials     {@code username}/{@code password} of {@code spec.secretRef}, sent as Basic auth; empty for none
 * @param caPem           {@code ca.crt} of {@code spec.certSecretRef}: the CA certificates (PEM) to trust instead of the
 *                        JVM's; null for the JVM's
 * @param passCredentials {@code spec.passCredentials}: send the credentials to chart URLs on other hosts too
 * @param timeout         {@code spec.timeout} (default 60 s): each download must finish within it
 */
public record ChartRepositoryAccess(String url, Optional<Credentials> credentials, String caPem, boolean passCredentials,
                                    Duration timeout) {

    /** A user name and password for Basic auth. {@link #toString()} never shows the password. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }

    public ChartRepositoryAccess {
        Objects.requireNonNull(url, "url");
        credentials = credentials == null ? Optional.empty() : credentials;
        Objects.requireNonNull(timeout, "timeout");
    }

    /** {@code <url>/index.yaml}, as Helm joins them (one slash between). */
    public String indexUrl() {
        return (url.endsWith("/") ? url : url + "/") + "index.yaml";
    }
}
