package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.Digest;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositoryStatus;
import io.sluice.git.GitCredentials;
import io.sluice.git.GitFetchException;
import io.sluice.kit.config.ServiceConfig;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.kit.messaging.EventSink;
import io.sluice.source.artifact.ArtifactBuilder;
import io.sluice.source.artifact.ArtifactDownloader;
import io.sluice.source.artifact.ArtifactStorage;
import io.sluice.source.artifact.BuiltArtifact;
import io.sluice.source.artifact.GitTreeFiles;
import io.sluice.source.artifact.IncludedArtifact;
import io.sluice.source.artifact.StoredArtifact;
import io.sluice.source.config.SourceConfig;
import io.sluice.source.git.FetchResult;
import io.sluice.source.git.GitFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Reconciles one GitRepository, as Flux's source-controller does:
 * <ol>
 *   <li>read it fresh; gone → forgotten; {@code spec.suspend: true} → nothing (Flux leaves the status as it is);</li>
 *   <li>read the spec ({@link GitRepositorySettings}); an unreadable duration → Stalled {@code InvalidSpec};</li>
 *   <li>read the {@code spec.secretRef} Secret's credentials ({@link SecretCredentials});</li>
 *   <li>fetch {@code spec.ref} from {@code spec.url} within {@code spec.timeout} ({@link GitFetcher});</li>
 *   <li>resolve {@code spec.include}: each included GitRepository must have an artifact ({@link IncludeResolver});</li>
 *   <li>build the artifact (commit tree + includes − ignore rules) unless the stored one already is for this
 *       revision and generation, and store it under its digest;</li>
 *   <li>publish {@code ArtifactReady} when the revision or digest differs from {@code status.artifact} and wait
 *       until Kafka has it, then write the status ({@link GitRepositoryStatusWriter#succeeded});</li>
 *   <li>answer its trigger: run again after {@code spec.interval}, and whether a new artifact was announced.</li>
 * </ol>
 * On failure: Ready=False and FetchFailed (or IncludeUnavailable / StorageOperationFailed) True with Flux's reason
 * and a message saying what to fix; {@code status.artifact} stays, so the last good artifact is still served; an
 * error {@code ObjectEvent} is published when the failure is new or its message changed; the next try follows an
 * exponential backoff ({@link Backoff}). Blocking: {@link ReconcileTriggers} runs it on its workers, one run at a
 * time per object.
 */
@ApplicationScoped
public class GitRepositoryReconciler {

    private static final Logger LOG = Logger.getLogger(GitRepositoryReconciler.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(60);
    /** Flux's event reason for a new artifact. */
    static final String NEW_ARTIFACT = "NewArtifact";

    /**
     * What a run decided, for its trigger.
     *
     * @param next        when to run again; null: only when something asks (a spec change, a push, a request)
     * @param newArtifact the run announced a new artifact: the GitRepositories that include this one build again
     */
    public record Outcome(Duration next, boolean newArtifact) {
        static Outcome idle() {
            return new Outcome(null, false);
        }
    }

    private final KubernetesClient client;
    private final GitFetcher fetcher;
    private final ArtifactStorage storage;
    private final ArtifactUrls urls;
    private final EventSink events;
    private final String controller;
    private final Duration defaultInterval;
    private final Backoff backoff;
    private final SecretCredentials credentials;
    private final IncludeResolver includes;
    private final GitRepositoryStatusWriter statusWriter;
    private final Map<ObjectKey, Instant> requests = new ConcurrentHashMap<>();
    /** The earliest push not yet answered by an artifact, per object: carried on ArtifactReady for latency. */
    private final Map<ObjectKey, Instant> pushes = new ConcurrentHashMap<>();

    @Inject
    GitRepositoryReconciler(KubernetesClient client, GitFetcher fetcher, ArtifactStorage storage, ArtifactUrls urls,
                            EventPublisher publisher, SourceConfig config, ServiceConfig service) {
        this(client, fetcher, storage, urls, publisher, service.name(), config.reconcile().defaultInterval(), config.reconcile().retryMin());
    }

    /**
     * @param events          where ArtifactReady and ObjectEvents go; a stage that fails is a failed publish
     * @param controller      the {@code reportingController} of the events (the service's name)
     * @param defaultInterval used when {@code spec.interval} is missing
     * @param retryMin        the first retry delay after a failure
     */
    GitRepositoryReconciler(KubernetesClient client, GitFetcher fetcher, ArtifactStorage storage, ArtifactUrls urls,
                            EventSink events, String controller, Duration defaultInterval, Duration retryMin) {
        this.client = client;
        this.fetcher = fetcher;
        this.storage = storage;
        this.urls = urls;
        this.events = events;
        this.controller = controller;
        this.defaultInterval = defaultInterval;
        this.backoff = new Backoff(retryMin);
        this.credentials = new SecretCredentials(client);
        this.includes = new IncludeResolver(client, storage, new ArtifactDownloader(DOWNLOAD_TIMEOUT));
        this.statusWriter = new GitRepositoryStatusWriter(client);
    }

    /** Remembers a ReconcileRequested, so the next run writes its time to {@code status.lastHandledReconcileAt}. */
    void noteRequest(ObjectKey key, Instant requestedAt) {
        requests.merge(key, requestedAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * Remembers when webhook-gateway received a push for the object, so the artifact it leads to carries that
     * time ({@link ArtifactReady#pushReceivedAt()}) down the chain. The earliest pending push wins: a run that
     * answers several pushes is as late as the first one waited.
     */
    void notePush(ObjectKey key, Instant receivedAt) {
        pushes.merge(key, receivedAt, (a, b) -> a.isBefore(b) ? a : b);
    }

    void forget(ObjectKey key) {
        backoff.succeeded(key);
        requests.remove(key);
        pushes.remove(key);
    }

    public Outcome reconcile(ObjectKey key) {
        // Read fresh rather than from the informer's cache: the cache may not have our own last status write yet,
        // and deciding "new artifact or not" on a stale status.artifact would announce the same artifact twice.
        GitRepository repo = client.resources(GitRepository.class).inNamespace(key.namespace()).withName(key.name()).get();
        if (repo == null) {
            forget(key);
            return Outcome.idle();
        }
        if (GitRepositorySettings.suspended(repo)) {
            LOG.debugf("%s is suspended (spec.suspend: true); not reconciling it", key);
            return Outcome.idle();
        }
        GitRepositoryStatus before = repo.getStatus() == null ? new GitRepositoryStatus() : repo.getStatus();
        Artifact previous = before.getArtifact();
        Instant requestedAt = requests.remove(key);
        String handledAt = requestedAt == null ? null : DateTimeFormatter.ISO_INSTANT.format(requestedAt);
        // The push this run answers. It is taken when the artifact is announced, not now: a push noted while this
        // run fetches (the gateway's twin reconcile request may have started it) was pushed before this fetch
        // began, so this artifact answers it too. A run that finds nothing new forgets the pushes it saw.
        Instant pushAtStart = pushes.get(key);

        GitRepositorySettings settings;
        try {
            settings = GitRepositorySettings.of(repo, defaultInterval);
        } catch (GitRepositorySettings.InvalidSpecException e) {
            // Retrying cannot help: Stalled until the spec changes (a new generation reconciles again).
            publishFailure(key, before, Reasons.INVALID_SPEC, e.getMessage(), previous);
            statusWriter.stalled(key, GitRepositorySettings.generation(repo), Reasons.INVALID_SPEC, e.getMessage(), handledAt, Instant.now());
            pushes.remove(key); // no artifact will answer them; a fixed spec is a new reconcile, not these pushes
            return Outcome.idle();
        }

        try {
            Artifact artifact = fetchAndStore(settings, before);
            boolean changed = previous == null || !Objects.equals(previous.getRevision(), artifact.getRevision())
                    || !Objects.equals(previous.getDigest(), artifact.getDigest());
            if (changed) {
                announce(key, artifact);
            } else if (pushAtStart != null) {
                pushes.remove(key, pushAtStart);
            }
            statusWriter.succeeded(settings, artifact, handledAt, Instant.now());
            backoff.succeeded(key);
            if (changed) {
                LOG.infof("%s: stored artifact for revision '%s' (%s, %d bytes)", key, artifact.getRevision(), artifact.getDigest(), artifact.getSize());
            }
            return new Outcome(settings.interval(), changed);
        } catch (ReconcileFailure failure) {
            LOG.warnf("%s: %s", key, failure.getMessage());
            publishFailure(key, before, failure.reason(), failure.getMessage(), previous);
            statusWriter.failed(key, settings.generation(), failure, handledAt, Instant.now());
            return new Outcome(backoff.failed(key, settings.interval()), false);
        } catch (PublishFailedException e) {
            LOG.warnf("%s: %s; retrying", key, e.getMessage());
            if (requestedAt != null) {
                noteRequest(key, requestedAt); // not written yet: the retry writes it
            }
            return new Outcome(backoff.failed(key, settings.interval()), false);
        }
    }

    private Artifact fetchAndStore(GitRepositorySettings settings, GitRepositoryStatus before) throws ReconcileFailure {
        ObjectKey key = settings.key();
        if (settings.url() == null || settings.url().isBlank()) {
            throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.URL_INVALID, "spec.url is empty; set it to the repository's clone URL");
        }
        GitCredentials secret = credentials.read(key, settings.secretName());
        FetchResult fetched;
        try {
            fetched = fetcher.fetch(key, settings.fetchRequest(secret));
        } catch (GitFetchException e) {
            throw ReconcileFailure.checkoutFailed(e);
        }
        List<IncludedArtifact> included = includes.resolve(key, settings.include());
        String revision = fetched.revision().toString();

        Artifact previous = before.getArtifact();
        boolean upToDate = previous != null && revision.equals(previous.getRevision()) && included.isEmpty()
                && Objects.equals(before.getObservedGeneration(), settings.generation())
                && previous.getPath() != null && storage.find(previous.getPath()).isPresent();
        if (upToDate) {
            return previous;
        }
        StoredArtifact stored = build(key, fetched, included, settings.ignore());
        Artifact artifact = new Artifact();
        artifact.setPath(stored.path());
        artifact.setUrl(urls.urlFor(stored.path()).toString());
        artifact.setRevision(revision);
        artifact.setDigest(stored.digest().toString());
        artifact.setSize(stored.size());
        boolean sameContent = previous != null && Objects.equals(previous.getDigest(), artifact.getDigest())
                && Objects.equals(previous.getRevision(), revision);
        artifact.setLastUpdateTime(sameContent && previous.getLastUpdateTime() != null ? previous.getLastUpdateTime()
                : DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        return artifact;
    }

    private StoredArtifact build(ObjectKey key, FetchResult fetched, List<IncludedArtifact> included, String ignore) throws ReconcileFailure {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(fetched.gitDir().toFile()).setMustExist(true).build();
             ObjectReader reader = repository.newObjectReader()) {
            Path temp = storage.newTempFile(key);
            try {
                BuiltArtifact built = ArtifactBuilder.build(GitTreeFiles.read(reader, fetched.commitSha()), included, ignore, temp);
                return storage.store(key, built);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ReconcileFailure(ConditionTypes.STORAGE_OPERATION_FAILED, Reasons.ARCHIVE_OPERATION_FAILED,
                    "unable to archive artifact to storage: " + e.getMessage(), e);
        } finally {
            IncludeResolver.deleteTemporary(included);
        }
    }

    /** ArtifactReady (waited for) then NewArtifact; the pushes it answers go with it, or stay for the retry. */
    private void announce(ObjectKey key, Artifact artifact) throws PublishFailedException {
        Instant pushReceivedAt = pushes.remove(key);
        ArtifactReady ready = new ArtifactReady(key, artifact.getRevision(), URI.create(artifact.getUrl()),
                Digest.parse(artifact.getDigest()), artifact.getSize(), pushReceivedAt);
        ObjectEvent event = new ObjectEvent(key, Severity.INFO, NEW_ARTIFACT,
                "stored artifact for revision '" + artifact.getRevision() + "'", artifact.getRevision(),
                Map.of("source.toolkit.fluxcd.io/revision", artifact.getRevision(), "source.toolkit.fluxcd.io/digest", artifact.getDigest()),
                Instant.now(), controller);
        try {
            events.publish(ready).toCompletableFuture().get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            events.publish(event);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (pushReceivedAt != null) {
                notePush(key, pushReceivedAt);
            }
            throw new PublishFailedException("could not publish ArtifactReady for revision '" + artifact.getRevision() + "' to Kafka: " + e.getMessage());
        }
    }

    /** An error ObjectEvent, unless Ready already said exactly this (a retry of the same failure is not news). */
    private void publishFailure(ObjectKey key, GitRepositoryStatus before, String reason, String message, Artifact previous) {
        boolean sameAsBefore = Conditions.get(before, ConditionTypes.READY)
                .map(c -> Conditions.FALSE.equals(c.getStatus()) && message.equals(c.getMessage()))
                .orElse(false);
        if (sameAsBefore) {
            return;
        }
        events.publish(new ObjectEvent(key, Severity.ERROR, reason, message, previous == null ? null : previous.getRevision(),
                Map.of(), Instant.now(), controller));
    }

    /** Kafka did not take ArtifactReady: the status is not written, so the next try publishes again. */
    private static final class PublishFailedException extends Exception {
        PublishFailedException(String message) {
            super(message);
        }
    }
}
