package io.sluice.image.registry;

import java.time.Duration;
import java.util.Optional;

/**
 * A registry call that failed, with a {@link Failure kind} the reconciler maps to a condition reason and a message
 * written for the person reading {@code kubectl describe}: what failed, where, what to do. Messages never contain
 * credentials or tokens.
 */
public final class RegistryException extends Exception {

    /** What went wrong; a closed set so the reconciler's switch covers every case. */
    public enum Failure {
        /** Nothing answers at the registry's address (connection refused, unknown host, no route). */
        UNREACHABLE,
        /** The registry refused the credentials (401/403), or wants credentials and none were given. */
        UNAUTHORIZED,
        /** The registry said 429 Too Many Requests; {@link #retryAfter()} says when to come back when it told us. */
        RATE_LIMITED,
        /** The repository does not exist in the registry (404, NAME_UNKNOWN). */
        NOT_FOUND,
        /** The answer is not what the distribution API specifies (a tag list that is not one, a bad challenge). */
        MALFORMED_RESPONSE,
        /** The scan did not finish within the ImageRepository's timeout. */
        TIMEOUT,
        /** TLS failed: an untrusted certificate (set certSecretRef with ca.crt) or a plain-HTTP registry without insecure. */
        TLS,
        /** Any other answer the registry should not give (5xx, an unexpected status). */
        OTHER
    }

    private final Failure failure;
    private final Duration retryAfter;

    public RegistryException(Failure failure, String message) {
        this(failure, message, null, null);
    }

    public RegistryException(Failure failure, String message, Throwable cause) {
        this(failure, message, null, cause);
    }

    public RegistryException(Failure failure, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.retryAfter = retryAfter;
    }

    public Failure failure() {
        return failure;
    }

    /** For {@link Failure#RATE_LIMITED}: the registry's {@code Retry-After}, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
