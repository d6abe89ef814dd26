package io.sluice.source.helm;

/**
 * A download from a Helm chart repository that failed (unreachable, refused, not found, too slow, too large), with a
 * message that names the URL (never a credential) and says what to check.
 */
public final class RepositoryFetchException extends Exception {

    public RepositoryFetchException(String message) {
        super(message);
    }

    public RepositoryFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
