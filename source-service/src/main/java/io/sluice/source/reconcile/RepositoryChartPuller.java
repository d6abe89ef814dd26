package io.sluice.source.reconcile;

import io.sluice.api.events.Digest;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Reasons;
import io.sluice.api.source.HelmRepository;
import io.sluice.source.artifact.ArtifactDownloader;
import io.sluice.source.artifact.ArtifactStorage;
import io.sluice.source.helm.ChartException;
import io.sluice.source.helm.ChartLoader;
import io.sluice.source.helm.ChartMetadata;
import io.sluice.source.helm.ChartRepositoryAccess;
import io.sluice.source.helm.ChartRepositoryClient;
import io.sluice.source.helm.ChartVersionSelector;
import io.sluice.source.helm.IndexException;
import io.sluice.source.helm.IndexLookup;
import io.sluice.source.helm.IndexedChartVersion;
import io.sluice.source.helm.RepositoryFetchException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Pulls a HelmChart's chart from a HelmRepository ({@code type: default}), as Flux's remote chart builder does:
 * <ol>
 *   <li>read the chart's versions from the repository's index artifact (this replica's storage, or downloaded from
 *       its URL and checked against its digest), streaming past every other chart ({@link IndexLookup});</li>
 *   <li>pick the version {@code spec.version} asks for ({@link ChartVersionSelector}): no such chart or no version
 *       in the range is {@code InvalidChartReference};</li>
 *   <li>download its first URL (relative URLs are relative to the repository's URL) with the repository's access;
 *       the credentials go to other hosts only with {@code spec.passCredentials}, as Helm does; a failure is
 *       {@code ChartPullError};</li>
 *   <li>check the download is a chart of that name ({@link ChartLoader}); it is stored byte for byte as served.</li>
 * </ol>
 */
final class RepositoryChartPuller {

    /** Helm's limit for a chart package (Flux's helm.MaxChartSize). */
    private static final long MAX_CHART = 10L * 1024 * 1024;

    /**
     * A chart pulled to a file.
     *
     * @param name    the chart's name, from its Chart.yaml
     * @param version its version as the index lists it (the HelmChart's artifact revision)
     */
    record Pulled(String name, String version) {
    }

    private final ArtifactStorage storage;
    private final ArtifactDownloader downloader;
    private final ChartRepositoryClient repositories;
    private final RepositoryAccessReader access;

    RepositoryChartPuller(ArtifactStorage storage, ArtifactDownloader downloader, ChartRepositoryClient repositories, RepositoryAccessReader access) {
        this.storage = storage;
        this.downloader = downloader;
        this.repositories = repositories;
        this.access = access;
    }

    /** The version {@code settings} asks for, as the index lists it. */
    IndexedChartVersion select(HelmChartSettings settings, HelmRepository source, Artifact index) throws ReconcileFailure {
        List<IndexedChartVersion> versions = versions(settings, source, index);
        try {
            return ChartVersionSelector.select(settings.chart(), versions, settings.version(), "HelmRepository '" + source.getMetadata().getName() + "'");
        } catch (ChartException e) {
            throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.INVALID_CHART_REFERENCE,
                    "failed to get chart version for remote reference: " + e.getMessage(), e);
        }
    }

    /** Downloads {@code version} to {@code target} and checks it is the chart asked for. */
    Pulled pull(HelmChartSettings settings, HelmRepositorySettings repository, IndexedChartVersion version, Path target) throws ReconcileFailure {
        if (version.urls().isEmpty()) {
            throw pullError("chart '" + version.name() + "' has no downloadable URLs");
        }
        ChartRepositoryAccess repositoryAccess = access.read(repository);
        URI base = URI.create(repository.url().endsWith("/") ? repository.url() : repository.url() + "/");
        URI url;
        try {
            url = base.resolve(version.urls().get(0));
        } catch (IllegalArgumentException e) {
            throw pullError("the index lists '" + version.urls().get(0) + "' as the URL of '" + version.name() + "' " + version.version() + ", which is not a URL");
        }
        boolean sameHost = url.getHost() != null && url.getHost().equalsIgnoreCase(base.getHost()) && url.getPort() == base.getPort();
        try {
            repositories.download(repositoryAccess, url, sameHost || repositoryAccess.passCredentials(), target, MAX_CHART);
        } catch (RepositoryFetchException e) {
            throw pullError(e.getMessage());
        }
        ChartMetadata metadata;
        try (InputStream in = Files.newInputStream(target)) {
            metadata = ChartLoader.fromArchive(in.readAllBytes(), "'" + url + "'").metadata();
        } catch (ChartException | IOException e) {
            throw pullError(e.getMessage());
        }
        if (!metadata.name().equals(settings.chart())) {
            throw pullError("the package at " + url + " holds the chart '" + metadata.name() + "', not '" + settings.chart() + "'");
        }
        return new Pulled(metadata.name(), version.version());
    }

    private List<IndexedChartVersion> versions(HelmChartSettings settings, HelmRepository source, Artifact index) throws ReconcileFailure {
        Path temp = null;
        try {
            Optional<Path> local = storage.find(index.getPath());
            Path file;
            if (local.isPresent()) {
                file = local.get();
            } else {
                temp = storage.newTempFile(settings.key());
                file = downloader.download(URI.create(index.getUrl()), Digest.parse(index.getDigest()), temp);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return IndexLookup.versions(in, settings.chart()).orElseThrow(() -> new ReconcileFailure(ConditionTypes.FETCH_FAILED,
                        Reasons.INVALID_CHART_REFERENCE, "failed to get chart version for remote reference: no chart name found: HelmRepository '"
                        + source.getMetadata().getName() + "' has no chart '" + settings.chart() + "'; check spec.chart"));
            }
        } catch (IOException | IndexException | IllegalArgumentException e) {
            throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.NO_SOURCE_ARTIFACT,
                    "the index artifact of HelmRepository '" + source.getMetadata().getName() + "' could not be read: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file in the storage folder; the next store sweeps nothing else
                }
            }
        }
    }

    private static ReconcileFailure pullError(String message) {
        return new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.CHART_PULL_ERROR, "failed to download chart for remote reference: " + message);
    }
}
