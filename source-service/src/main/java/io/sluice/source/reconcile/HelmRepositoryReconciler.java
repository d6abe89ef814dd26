package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.source.HelmRepository;
import io.sluice.api.source.HelmRepositoryStatus;
import io.sluice.kit.config.ServiceConfig;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.kit.messaging.EventSink;
import io.sluice.source.artifact.ArtifactFormat;
import io.sluice.source.artifact.ArtifactStorage;
import io.sluice.source.artifact.BuiltArtifact;
import io.sluice.source.config.SourceConfig;
import io.sluice.source.helm.ChartRepositoryAccess;
import io.sluice.source.helm.ChartRepositoryClient;
import io.sluice.source.helm.IndexConverter;
import io.sluice.source.helm.IndexException;
import io.sluice.source.helm.RepositoryFetchException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reconciles one HelmRepository, as Flux's source-controller does:
 * <ol>
 *   <li>read it fresh; gone → forgotten; {@code spec.suspend: true} → nothing;</li>
 *   <li>read the spec ({@link HelmRepositorySettings}); a bad URL → Stalled {@code URLInvalid}, another bad field →
 *       Stalled {@code InvalidSpec}; {@code type: oci} → no artifact and no status, as Flux keeps it (HelmCharts read
 *       its address);</li>
 *   <li>read the Secrets: {@code spec.secretRef} ({@code username}, {@code password}) and {@code spec.certSecretRef}
 *       ({@code ca.crt}) ({@link RepositoryAccessReader}); a missing or incomplete one → {@code AuthenticationFailed};</li>
 *   <li>download {@code <url>/index.yaml} within {@code spec.timeout} ({@link ChartRepositoryClient}); unreachable,
 *       refused, not found, too slow → FetchFailed {@code Failed}; the revision is the sha256 of the bytes received;</li>
 *   <li>unless {@code status.artifact} already has that revision (and the file is still in storage): read the index
 *       ({@link IndexConverter}: not YAML, no {@code apiVersion} → FetchFailed {@code IndexationFailed}) and store it
 *       as JSON under its digest;</li>
 *   <li>publish {@code ArtifactReady} when the revision or digest differs from {@code status.artifact} and wait until
 *       Kafka has it, then {@code NewArtifact} "stored fetched index of size … from '…'", then write the status;</li>
 *   <li>answer its trigger: run again after {@code spec.interval}.</li>
 * </ol>
 * Failures keep {@code status.artifact}, publish an error event when the failure is news, and retry with
 * {@link Backoff}, as for GitRepositories.
 */
@ApplicationScoped
public class HelmRepositoryReconciler {

    private static final Logger LOG = Logger.getLogger(HelmRepositoryReconciler.class);

    private final KubernetesClient client;
    private final ChartRepositoryClient repositories;
    private final ArtifactStorage storage;
    private final ArtifactUrls urls;
    private final SourceEvents events;
    private final Duration defaultInterval;
    private final Backoff backoff;
    private final RepositoryAccessReader access;
    private final HelmRepositoryStatusWriter statusWriter;
    private final Map<ObjectKey, Instant> requests = new ConcurrentHashMap<>();

    @Inject
    HelmRepositoryReconciler(KubernetesClient client, ChartRepositoryClient repositories, ArtifactStorage storage, ArtifactUrls urls,
                             EventPublisher publisher, SourceConfig config, ServiceConfig service) {
        this(client, repositories, storage, urls, publisher, service.name(), config.reconcile().defaultInterval(), config.reconcile().retryMin());
    }

    /** As {@link GitRepositoryReconciler}'s: events to {@code events}, {@code controller} as their reporter. */
    HelmRepositoryReconciler(KubernetesClient client, ChartRepositoryClient repositories, ArtifactStorage storage, ArtifactUrls urls,
                             EventSink events, String controller, Duration defaultInterval, Duration retryMin) {
        this.client = client;
        this.repositories = repositories;
        this.storage = storage;
        this.urls = urls;
        this.events = new SourceEvents(events, controller);
        this.defaultInterval = defaultInterval;
        this.backoff = new Backoff(retryMin);
        this.access = new RepositoryAccessReader(new SecretCredentials(client));
        this.statusWriter = new HelmRepositoryStatusWriter(client);
    }

    /** Remembers a ReconcileRequested, so the next run writes its time to {@code status.lastHandledReconcileAt}. */
    void noteRequest(ObjectKey key, Instant requestedAt) {
        requests.merge(key, requestedAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    void forget(ObjectKey key) {
        backoff.succeeded(key);
        requests.remove(key);
    }

    public Outcome reconcile(ObjectKey key) {
        HelmRepository repo = client.resources(HelmRepository.class).inNamespace(key.namespace()).withName(key.name()).get();
        if (repo == null) {
            forget(key);
            return Outcome.idle();
        }
        if (HelmRepositorySettings.suspended(repo)) {
            LOG.debugf("%s is suspended (spec.suspend: true); not reconciling it", key);
            return Outcome.idle();
        }
        HelmRepositoryStatus before = repo.getStatus() == null ? new HelmRepositoryStatus() : repo.getStatus();
        Artifact previous = before.getArtifact();
        Instant requestedAt = requests.remove(key);
        String handledAt = requestedAt == null ? null : DateTimeFormatter.ISO_INSTANT.format(requestedAt);
        long generation = repo.getMetadata().getGeneration() == null ? 0 : repo.getMetadata().getGeneration();

        HelmRepositorySettings settings;
        try {
            settings = HelmRepositorySettings.of(repo, defaultInterval);
        } catch (InvalidSpecException e) {
            events.failure(key, before, e.reason(), e.getMessage(), previous);
            statusWriter.stalled(key, generation, e.reason(), e.getMessage(), handledAt, Instant.now());
            return Outcome.idle();
        }
        if (settings.oci()) {
            // Flux keeps an OCI HelmRepository as a static object: no artifact, no status; HelmCharts pull through it.
            storage.deleteAll(key);
            statusWriter.cleared(key);
            return Outcome.idle();
        }

        try {
            Artifact artifact = fetchAndStore(settings, before);
            boolean changed = ArtifactStatus.changed(previous, artifact);
            if (changed) {
                events.announce(key, artifact, null, GitRepositoryReconciler.NEW_ARTIFACT,
                        "stored fetched index of size " + humanSize(artifact.getSize()) + " from '" + settings.url() + "'");
            }
            statusWriter.succeeded(settings, artifact, handledAt, Instant.now());
            backoff.succeeded(key);
            if (changed) {
                LOG.infof("%s: stored index revision '%s' (%d bytes)", key, artifact.getRevision(), artifact.getSize());
            }
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

    private Artifact fetchAndStore(HelmRepositorySettings settings, HelmRepositoryStatus before) throws ReconcileFailure {
        ObjectKey key = settings.key();
        ChartRepositoryAccess repository = access.read(settings);
        Path downloaded = null;
        Path json = null;
        try {
            downloaded = storage.newTempFile(key);
            ChartRepositoryClient.Download index;
            try {
                index = repositories.downloadIndex(repository, downloaded);
            } catch (RepositoryFetchException e) {
                throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.FAILED, "failed to fetch Helm repository index: " + e.getMessage(), e);
            }
            Artifact previous = before.getArtifact();
            boolean upToDate = previous != null && index.digest().equals(previous.getRevision())
                    && Objects.equals(before.getObservedGeneration(), settings.generation())
                    && previous.getPath() != null && storage.find(previous.getPath()).isPresent();
            if (upToDate) {
                return previous;
            }
            json = storage.newTempFile(key);
            try (InputStream in = Files.newInputStream(downloaded); OutputStream out = Files.newOutputStream(json)) {
                IndexConverter.convert(in, out);
            } catch (IndexException e) {
                throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.INDEXATION_FAILED,
                        "failed to load Helm repository from index YAML: " + e.getMessage(), e);
            }
            return ArtifactStatus.of(storage.store(key, BuiltArtifact.ofFile(json, ArtifactFormat.JSON)), urls, index.digest(), previous);
        } catch (IOException e) {
            throw new ReconcileFailure(ConditionTypes.STORAGE_OPERATION_FAILED, Reasons.ARCHIVE_OPERATION_FAILED,
                    "unable to save artifact to storage: " + e.getMessage(), e);
        } finally {
            deleteQuietly(downloaded);
            deleteQuietly(json);
        }
    }

    /** Sizes as Flux writes them in its event (go-units' HumanSize: decimal units, four significant digits). */
    static String humanSize(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double size = bytes;
        int unit = 0;
        while (size >= 1000 && unit < units.length - 1) {
            size /= 1000;
            unit++;
        }
        String number = new BigDecimal(size).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return number + units[unit];
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("could not delete the temporary file %s: %s", file, e.getMessage());
        }
    }
}
