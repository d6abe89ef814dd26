package io.sluice.source.reconcile;

import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.source.HelmRepository;
import io.sluice.api.source.HelmRepositorySpec;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * What source-service reads from a HelmRepository's spec, checked and defaulted as Flux does: {@code type}
 * ({@code default} or {@code oci}), {@code url}, {@code secretRef.name}, {@code certSecretRef.name},
 * {@code passCredentials}, {@code interval} (missing: the service's default), {@code timeout} (default 60 s); with the
 * generation they were read at.
 *
 * @param oci {@code type: oci}: a static object that only holds the registry's address for HelmCharts (Flux keeps no
 *            artifact and no status for it)
 */
public record HelmRepositorySettings(ObjectKey key, long generation, boolean oci, String url, String secretName,
                                     String certSecretName, boolean passCredentials, Duration interval, Duration timeout) {

    /** Flux's default {@code spec.timeout} of a HelmRepository. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    static boolean suspended(HelmRepository repo) {
        return repo.getSpec() != null && Boolean.TRUE.equals(repo.getSpec().getSuspend());
    }

    /**
     * Reads the spec.
     *
     * @throws InvalidSpecException naming the field: an unknown type, a duration or a URL that cannot be read, an
     *                              {@code oci://} URL on a {@code default} repository (as Flux: URLInvalid, stalled)
     */
    static HelmRepositorySettings of(HelmRepository repo, Duration defaultInterval) {
        ObjectKey key = SourceWatchers.key(repo);
        HelmRepositorySpec spec = repo.getSpec() == null ? new HelmRepositorySpec() : repo.getSpec();
        long generation = repo.getMetadata().getGeneration() == null ? 0 : repo.getMetadata().getGeneration();
        String type = spec.getType() == null || spec.getType().isBlank() ? "default" : spec.getType();
        if (!type.equals("default") && !type.equals("oci")) {
            throw new InvalidSpecException("spec.type '" + type + "' of HelmRepository " + key.namespace() + "/" + key.name()
                    + " is not a Helm repository type; write 'default' (an index.yaml over HTTP/S) or 'oci' (an OCI registry)");
        }
        boolean oci = type.equals("oci");
        String url = spec.getUrl() == null ? "" : spec.getUrl().trim();
        checkUrl(url, oci);
        Duration interval = InvalidSpecException.interval(spec.getInterval(), key, defaultInterval);
        Duration timeout = InvalidSpecException.duration(spec.getTimeout(), "spec.timeout", key, DEFAULT_TIMEOUT);
        if (timeout.isZero() || timeout.isNegative()) {
            timeout = DEFAULT_TIMEOUT;
        }
        return new HelmRepositorySettings(key, generation, oci, url,
                spec.getSecretRef() == null ? null : spec.getSecretRef().getName(),
                spec.getCertSecretRef() == null ? null : spec.getCertSecretRef().getName(),
                Boolean.TRUE.equals(spec.getPassCredentials()), interval, timeout);
    }

    /** Flux's URL checks, with its messages ("invalid Helm repository URL: ..."). */
    private static void checkUrl(String url, boolean oci) {
        if (url.isEmpty()) {
            throw new InvalidSpecException(Reasons.URL_INVALID, "invalid Helm repository URL: spec.url is empty; set it to the repository's address");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidSpecException(Reasons.URL_INVALID, "invalid Helm repository URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (oci) {
            if (!scheme.equals("oci")) {
                throw new InvalidSpecException(Reasons.URL_INVALID, "invalid Helm repository URL: a HelmRepository of type 'oci' needs an oci:// URL, not '" + url + "'");
            }
            return;
        }
        if (scheme.equals("oci")) {
            throw new InvalidSpecException(Reasons.URL_INVALID, "invalid Helm repository URL: 'oci' URL scheme cannot be used with 'default' HelmRepository type; set spec.type: oci");
        }
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InvalidSpecException(Reasons.URL_INVALID, "invalid Helm repository URL: '" + url + "' is not an http:// or https:// URL with a host");
        }
    }
}
