package io.sluice.git;

import java.util.Objects;

/**
 * A fetch that failed, with a {@link Failure kind} the reconciler maps to a condition reason and a message
 * written for the person reading {@code kubectl describe}: what went wrong, where, and what to do.
 *
 * <p>Messages never contain credentials: they are built from the URL without its user info and from
 * sanitized transport errors.
 */
public final class GitFetchException extends Exception {

    /** What kind of failure this is; a closed set so the reconciler's switch covers every case. */
    public enum Failure {
        /** The server refused the credentials (HTTP 401/403, SSH public key rejected), or none were given. */
        AUTHENTICATION,
        /** The SSH server's host key is not in the Secret's {@code known_hosts}, or differs from it. */
        HOST_KEY_REJECTED,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** The host resolved but the connection failed (refused, reset, TLS error, repository not found). */
        CONNECTION,
        /** The branch, tag, ref name or commit does not exist in the remote repository. */
        REF_NOT_FOUND,
        /** {@code spec.ref.semver} matched no tag. */
        NO_SEMVER_MATCH,
        /** The fetch did not finish within {@code spec.timeout}. */
        TIMEOUT,
        /** {@code spec.url} cannot be used as written (no scheme, scp-like form, unsupported scheme, no host). */
        INVALID_URL,
        /** {@code spec.ref} cannot be used as written (not a full commit SHA, unreadable semver range, bad ref name). */
        INVALID_REF,
        /** Anything else: local I/O, a corrupt pack sent by the server, ... */
        OTHER
    }

    private final Failure kind;

    public GitFetchException(Failure kind, String message) {
        this(kind, message, null);
    }

    public GitFetchException(Failure kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Failure kind() {
        return kind;
    }
}
