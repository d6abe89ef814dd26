package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.source.HelmChart;
import io.sluice.api.source.HelmChartStatus;
import io.sluice.api.source.HelmRepository;
import io.sluice.kit.config.ServiceConfig;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.kit.messaging.EventSink;
import io.sluice.source.artifact.ArtifactDownloader;
import io.sluice.source.artifact.ArtifactFormat;
import io.sluice.source.artifact.ArtifactStorage;
import io.sluice.source.artifact.BuiltArtifact;
import io.sluice.source.config.SourceConfig;
import io.sluice.source.helm.ChartRepositoryClient;
import io.sluice.source.helm.IndexedChartVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reconciles one HelmChart whose source is a HelmRepository ({@code type: default}), as Flux's source-controller does:
 * <ol>
 *   <li>read it fresh; gone → forgotten; {@code spec.suspend: true} → nothing;</li>
 *   <li>read the spec ({@link HelmChartSettings}); no chart, no source, an unknown source kind → Stalled;</li>
 *   <li>get the source: missing → FetchFailed {@code SourceUnavailable}; without an artifact → FetchFailed
 *       {@code NoSourceArtifact} (retried, and reconciled again as soon as the source announces one);</li>
 *   <li>pick the version from the index ({@link RepositoryChartPuller#select}): {@code InvalidChartReference};</li>
 *   <li>unless {@code status.artifact} is already that version of that chart (and still stored): download it
 *       ({@code ChartPullError}) and store the package as served, under its digest ({@code .tgz});</li>
 *   <li>publish {@code ArtifactReady} (revision: the chart version) when it differs from {@code status.artifact}, then
 *       {@code ChartPullSucceeded}, then write the status.</li>
 * </ol>
 * Not yet: a GitRepository or Bucket source, an OCI HelmRepository, {@code valuesFiles}, {@code reconcileStrategy},
 * {@code verify}; each is refused with a message saying so (never a chart built without it).
 */
@ApplicationScoped
public class HelmChartReconciler {

    private static final Logger LOG = Logger.getLogger(HelmChartReconciler.class);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(60);

    private final KubernetesClient client;
    private final ArtifactStorage storage;
    private final ArtifactUrls urls;
    private final SourceEvents events;
    private final Duration defaultInterval;
    private final Backoff backoff;
    private final RepositoryChartPuller puller;
    private final HelmChartStatusWriter statusWriter;
    private final Map<ObjectKey, Instant> requests = new ConcurrentHashMap<>();

    @Inject
    HelmChartReconciler(KubernetesClient client, ChartRepositoryClient repositories, ArtifactStorage storage, ArtifactUrls urls,
                        EventPublisher publisher, SourceConfig config, ServiceConfig service) {
        this(client, repositories, storage, urls, publisher, service.name(), config.reconcile().defaultInterval(), config.reconcile().retryMin());
    }

    /** As {@link GitRepositoryReconciler}'s: events to {@code events}, {@code controller} as their reporter. */
    HelmChartReconciler(KubernetesClient client, ChartRepositoryClient repositories, ArtifactStorage storage, ArtifactUrls urls,
                        EventSink events, String controller, Duration defaultInterval, Duration retryMin) {
        this.client = client;
        this.storage = storage;
        this.urls = urls;
        this.events = new SourceEvents(events, controller);
        this.defaultInterval = defaultInterval;
        this.backoff = new Backoff(retryMin);
        this.puller = new RepositoryChartPuller(storage, new ArtifactDownloader(DOWNLOAD_TIMEOUT), repositories,
                new RepositoryAccessReader(new SecretCredentials(client)));
        this.statusWriter = new HelmChartStatusWriter(client);
    }

    void noteRequest(ObjectKey key, Instant requestedAt) {
        requests.merge(key, requestedAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    void forget(ObjectKey key) {
        backoff.succeeded(key);
        requests.remove(key);
    }

    public Outcome reconcile(ObjectKey key) {
        HelmChart chart = client.resources(HelmChart.class).inNamespace(key.namespace()).withName(key.name()).get();
        if (chart == null) {
            forget(key);
            return Outcome.idle();
        }
        if (HelmChartSettings.suspended(chart)) {
            return Outcome.idle();
        }
        HelmChartStatus before = chart.getStatus() == null ? new HelmChartStatus() : chart.getStatus();
        Artifact previous = before.getArtifact();
        Instant requestedAt = requests.remove(key);
        String handledAt = requestedAt == null ? null : DateTimeFormatter.ISO_INSTANT.format(requestedAt);
        long generation = chart.getMetadata().getGeneration() == null ? 0 : chart.getMetadata().getGeneration();

        HelmChartSettings settings;
        try {
            settings = HelmChartSettings.of(chart, defaultInterval);
            refuseUnsupported(settings, chart);
        } catch (InvalidSpecException e) {
            events.failure(key, before, e.reason(), e.getMessage(), previous);
            statusWriter.stalled(key, generation, e.reason(), e.getMessage(), handledAt, Instant.now());
            return Outcome.idle();
        }

        try {
            HelmRepository source = source(settings);
            Artifact index = source.getStatus() == null ? null : source.getStatus().getArtifact();
            if (index == null || index.getPath() == null) {
                throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.NO_SOURCE_ARTIFACT,
                        "no artifact available for HelmRepository source '" + settings.sourceName() + "'");
            }
            IndexedChartVersion version = puller.select(settings, source, index);
            Artifact artifact = upToDate(settings, before, version) ? previous : pullAndStore(settings, source, version, previous);
            boolean changed = ArtifactStatus.changed(previous, artifact);
            String pulled = "pulled '" + settings.chart() + "' chart with version '" + artifact.getRevision() + "'";
            if (changed) {
                events.announce(key, artifact, null, Reasons.CHART_PULL_SUCCEEDED, pulled);
                LOG.infof("%s: %s", key, pulled);
            }
            statusWriter.succeeded(settings, artifact, settings.chart(), index.getRevision(), handledAt, Instant.now());
            backoff.succeeded(key);
            return new Outcome(settings.interval(), changed);
        } catch (ReconcileFailure failure) {
            LOG.warnf("%s: %s", key, failure.getMessage());
            events.failure(key, before, failure.reason(), failure.getMessage(), previous);
            statusWriter.failed(key, settings.generation(), failure, handledAt, Instant.now());
            return new Outcome(backoff.failed(key, settings.interval()), false);
        } catch (SourceEvents.PublishFailedException e) {
            LOG.warnf("%s: %s; retrying", key, e.getMessage());
            if (requestedAt != null) {
                noteRequest(key, requestedAt);
            }
            return new Outcome(backoff.failed(key, settings.interval()), false);
        }
    }

    /** What this service cannot build yet is refused, never built without it. */
    private static void refuseUnsupported(HelmChartSettings settings, HelmChart chart) {
        if (!settings.sourceKind().equals(HelmRepository.KIND)) {
            throw new InvalidSpecException("UnsupportedSourceKind", "charts from a " + settings.sourceKind()
                    + " are not supported by Sluice yet; only a HelmRepository of type 'default' can be spec.sourceRef for now");
        }
        if (!settings.valuesFiles().isEmpty()) {
            throw new InvalidSpecException(Reasons.VALUES_FILES_ERROR, "spec.valuesFiles is not supported by Sluice yet; remove it and set the"
                    + " values in the HelmRelease instead");
        }
        if (chart.getSpec().getVerify() != null) {
            throw new InvalidSpecException("spec.verify is not supported by Sluice yet; remove it to pull the chart unverified");
        }
    }

    private HelmRepository source(HelmChartSettings settings) throws ReconcileFailure {
        HelmRepository source = client.resources(HelmRepository.class).inNamespace(settings.key().namespace()).withName(settings.sourceName()).get();
        if (source == null) {
            throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.SOURCE_UNAVAILABLE, "failed to get source: HelmRepository '"
                    + settings.key().namespace() + "/" + settings.sourceName() + "' not found; create it or fix spec.sourceRef");
        }
        if (source.getSpec() != null && "oci".equals(source.getSpec().getType())) {
            throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.SOURCE_UNAVAILABLE, "charts from a HelmRepository of type 'oci' ('"
                    + settings.sourceName() + "') are not supported by Sluice yet");
        }
        return source;
    }

    /** Flux's "artifact up-to-date with remote revision": the same chart and version, still in storage. */
    private boolean upToDate(HelmChartSettings settings, HelmChartStatus before, IndexedChartVersion version) {
        Artifact previous = before.getArtifact();
        return previous != null && version.version().equals(previous.getRevision()) && settings.chart().equals(before.getObservedChartName())
                && Objects.equals(before.getObservedGeneration(), settings.generation())
                && previous.getPath() != null && storage.find(previous.getPath()).isPresent();
    }

    private Artifact pullAndStore(HelmChartSettings settings, HelmRepository source, IndexedChartVersion version, Artifact previous)
            throws ReconcileFailure {
        ObjectKey key = settings.key();
        HelmRepositorySettings repository;
        try {
            repository = HelmRepositorySettings.of(source, defaultInterval);
        } catch (InvalidSpecException e) {
            throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.SOURCE_UNAVAILABLE, "HelmRepository '" + settings.sourceName()
                    + "' cannot be used: " + e.getMessage(), e);
        }
        Path temp = null;
        try {
            temp = storage.newTempFile(key);
            RepositoryChartPuller.Pulled pulled = puller.pull(settings, repository, version, temp);
            return ArtifactStatus.of(storage.store(key, BuiltArtifact.ofFile(temp, ArtifactFormat.TGZ)), urls, pulled.version(), previous);
        } catch (IOException e) {
            throw new ReconcileFailure(ConditionTypes.STORAGE_OPERATION_FAILED, Reasons.ARCHIVE_OPERATION_FAILED,
                    "unable to copy Helm chart to storage: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // moved into storage, or a leftover the next store of this object does not see
                }
            }
        }
    }
}
