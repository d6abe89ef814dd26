package io.sluice.source.reconcile;

import io.sluice.api.meta.FluxDuration;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositoryInclude;
import io.sluice.api.source.GitRepositoryRef;
import io.sluice.api.source.GitRepositorySpec;
import io.sluice.source.git.FetchRequest;
import io.sluice.git.GitCredentials;

import java.time.Duration;
import java.util.List;

/**
 * What source-service reads from a GitRepository's spec, parsed and defaulted as Flux does: {@code url}, {@code ref}
 * (null: branch {@code master}), {@code secretRef.name}, {@code interval} (missing, zero or negative: the service's
 * default interval), {@code timeout} (default 60 s), {@code include} and {@code ignore}; with the generation they
 * were read at.
 */
public record GitRepositorySettings(ObjectKey key, long generation, String url, GitRepositoryRef ref, String secretName,
                                    Duration interval, Duration timeout, List<GitRepositoryInclude> include, String ignore) {

    /** A spec that retrying cannot fix: the GitRepository is Stalled until its spec changes. */
    public static final class InvalidSpecException extends RuntimeException {
        InvalidSpecException(String message) {
            super(message);
        }
    }

    public GitRepositorySettings {
        include = include == null ? List.of() : List.copyOf(include);
    }

    /** {@code spec.suspend: true}: not reconciled, the status left as it is (as Flux does). */
    static boolean suspended(GitRepository repo) {
        return repo.getSpec() != null && Boolean.TRUE.equals(repo.getSpec().getSuspend());
    }

    /** Reads the spec; throws {@link InvalidSpecException} naming the field when a duration cannot be read. */
    static GitRepositorySettings of(GitRepository repo, Duration defaultInterval) {
        ObjectKey key = GitRepositoryWatcher.key(repo);
        GitRepositorySpec spec = repo.getSpec() == null ? new GitRepositorySpec() : repo.getSpec();
        long generation = generation(repo);
        Duration interval = duration(spec.getInterval(), "spec.interval", key, defaultInterval);
        if (interval.isZero() || interval.isNegative()) {
            interval = defaultInterval;
        }
        Duration timeout = duration(spec.getTimeout(), "spec.timeout", key, FetchRequest.DEFAULT_TIMEOUT);
        String secretName = spec.getSecretRef() == null ? null : spec.getSecretRef().getName();
        return new GitRepositorySettings(key, generation, spec.getUrl(), spec.getRef(), secretName, interval, timeout,
                spec.getInclude(), spec.getIgnore());
    }

    /** {@code metadata.generation}, 0 when the server has not set it. */
    static long generation(GitRepository repo) {
        return repo.getMetadata().getGeneration() == null ? 0 : repo.getMetadata().getGeneration();
    }

    /** {@code namespace/name} of the Secret, for messages; null without {@code spec.secretRef}. */
    String secretKey() {
        return secretName == null ? null : key.namespace() + "/" + secretName;
    }

    FetchRequest fetchRequest(GitCredentials credentials) {
        return new FetchRequest(url, ref, credentials, timeout, secretKey());
    }

    private static Duration duration(String text, String field, ObjectKey key, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return FluxDuration.parse(text, field + " of GitRepository " + key.namespace() + "/" + key.name());
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(e.getMessage());
        }
    }
}
