package io.sluice.source.git;

import io.sluice.api.source.GitRepositoryRef;
import io.sluice.git.GitCredentials;
import java.time.Duration;
import java.util.Objects;

/**
 * What to fetch: {@code spec.url}, {@code spec.ref} (null means Flux's default, branch {@code master}),
 * the credentials from {@code spec.secretRef}, and {@code spec.timeout} (null means Flux's default, 60 s).
 *
 * <p>{@code secretName} ({@code namespace/name} of the Secret, or null) is only used in error messages,
 * so that an authentication failure says which Secret to check.
 */
public record FetchRequest(String url, GitRepositoryRef ref, GitCredentials credentials, Duration timeout, String secretName) {

    /** Flux's default for {@code spec.timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        credentials = credentials == null ? GitCredentials.none() : credentials;
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
    }

    public FetchRequest(String url, GitRepositoryRef ref, GitCredentials credentials, Duration timeout) {
        this(url, ref, credentials, timeout, null);
    }
}
