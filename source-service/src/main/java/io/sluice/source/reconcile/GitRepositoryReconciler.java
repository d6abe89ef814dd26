package io.sluice.source.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.Digest;
import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.FluxDuration;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositoryInclude;
import io.sluice.api.source.GitRepositorySpec;
import io.sluice.api.source.GitRepositoryStatus;
import io.sluice.git.GitCredentials;
import io.sluice.git.GitFetchException;
import io.sluice.kit.config.ServiceConfig;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.source.artifact.ArtifactBuilder;
import io.sluice.source.artifact.ArtifactDownloader;
import io.sluice.source.artifact.ArtifactStorage;
import io.sluice.source.artifact.BuiltArtifact;
import io.sluice.source.artifact.GitTreeFiles;
import io.sluice.source.artifact.IncludedArtifact;
import io.sluice.source.artifact.StoredArtifact;
import io.sluice.source.git.FetchRequest;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Reconciles one GitRepository, as Flux's source-controller does:
 * <ol>
 *   <li>skip it while {@code spec.suspend} is true (Flux leaves the status as it is);</li>
 *   <li>read the {@code spec.secretRef} Secret's credentials;</li>
 *   <li>fetch {@code spec.ref} from {@code spec.url} within {@code spec.timeout} (default 60 s);</li>
 *   <li>resolve {@code spec.include}: each included GitRepository must have an artifact;</li>
 *   <li>build the artifact (commit tree + includes − ignore rules) unless the stored one already is for this
 *       revision and generation, and store it under its digest;</li>
 *   <li>publish {@code ArtifactReady} when the revision or digest differs from {@code status.artifact}, then
 *       write the status: {@code artifact}, Ready and ArtifactInStorage True with "stored artifact for revision
 *       '…'", {@code observedGeneration};</li>
 *   <li>plan the next run after {@code spec.interval}.</li>
 * </ol>
 * On failure: Ready=False and FetchFailed (or IncludeUnavailable / StorageOperationFailed) True with Flux's
 * reason and a message saying what to fix; {@code status.artifact} stays, so the last good artifact is still
 * served; an error {@code ObjectEvent} is published when the failure is new or its message changed; the next
 * try follows an exponential backoff from {@code sluice.source.reconcile.retry-min}, capped at the interval.
 */
@ApplicationScoped
public class GitRepositoryReconciler {

    private static final Logger LOG = Logger.getLogger(GitRepositoryReconciler.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    /** Flux's event reason for a new artifact. */
    static final String NEW_ARTIFACT = "NewArtifact";

    @Inject
    KubernetesClient client;
    @Inject
    GitFetcher fetcher;
    @Inject
    ArtifactStorage storage;
    @Inject
    ArtifactUrls urls;
    @Inject
    EventPublisher publisher;
    @Inject
    StatusWriter statusWriter;
    @Inject
    SourceConfig config;
    @Inject
    ServiceConfig service;
    @Inject
    ReconcileTriggers triggers;

    private final Map<ObjectKey, Integer> failures = new ConcurrentHashMap<>();
    private final Map<ObjectKey, Instant> requests = new ConcurrentHashMap<>();
    /** The earliest push not yet answered by an artifact, per object: carried on ArtifactReady for latency. */
    private final Map<ObjectKey, Instant> pushes = new ConcurrentHashMap<>();
    private final ArtifactDownloader downloader = new ArtifactDownloader(Duration.ofSeconds(60));

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
        failures.remove(key);
        requests.remove(key);
        pushes.remove(key);
    }

    /** Reconciles the object; returns when to run again, or null when only an event should run it again. */
    public Duration reconcile(ObjectKey key) {
        // Read fresh rather than from the informer's cache: the cache may not have our own last status write yet,
        // and deciding "new artifact or not" on a stale status.artifact would announce the same artifact twice.
        Optional<GitRepository> found = Optional.ofNullable(
                client.resources(GitRepository.class).inNamespace(key.namespace()).withName(key.name()).get());
        if (found.isEmpty()) {
            forget(key);
            return null;
        }
        GitRepository repo = found.get();
        GitRepositorySpec spec = repo.getSpec() == null ? new GitRepositorySpec() : repo.getSpec();
        if (Boolean.TRUE.equals(spec.getSuspend())) {
            LOG.debugf("%s is suspended (spec.suspend: true); not reconciling it", key);
            return null;
        }
        long generation = repo.getMetadata().getGeneration() == null ? 0 : repo.getMetadata().getGeneration();
        GitRepositoryStatus status = repo.getStatus() == null ? new GitRepositoryStatus() : repo.getStatus();
        Artifact previous = status.getArtifact();
        Instant requestedAt = requests.remove(key);
        // The push this run answers. It is taken when the artifact is announced, not now: a push noted while this
        // run fetches (the gateway's twin reconcile request may have started it) was pushed before this fetch
        // began, so this artifact answers it too. A run that finds nothing new forgets the pushes it saw.
        Instant pushAtStart = pushes.get(key);
        if (requestedAt != null) {
            status.setLastHandledReconcileAt(DateTimeFormatter.ISO_INSTANT.format(requestedAt));
        }

        Duration interval;
        Duration timeout;
        try {
            interval = spec.getInterval() == null ? config.reconcile().defaultInterval()
                    : FluxDuration.parse(spec.getInterval(), "spec.interval of GitRepository " + key.namespace() + "/" + key.name());
            timeout = spec.getTimeout() == null ? FetchRequest.DEFAULT_TIMEOUT
                    : FluxDuration.parse(spec.getTimeout(), "spec.timeout of GitRepository " + key.namespace() + "/" + key.name());
        } catch (IllegalArgumentException e) {
            // Retrying cannot help: Stalled until the spec changes (a new generation reconciles again).
            Conditions.markTrue(status, generation, ConditionTypes.STALLED, "InvalidSpec", e.getMessage(), Instant.now());
            Conditions.markFalse(status, generation, ConditionTypes.READY, "InvalidSpec", e.getMessage(), Instant.now());
            status.setObservedGeneration(generation);
            publishFailure(key, repo.getStatus(), "InvalidSpec", e.getMessage(), previous);
            statusWriter.write(key, status);
            pushes.remove(key); // no artifact will answer them; a fixed spec is a new reconcile, not these pushes
            return null;
        }
        if (interval.isZero() || interval.isNegative()) {
            interval = config.reconcile().defaultInterval();
        }

        try {
            Artifact artifact = fetchAndStore(key, repo, spec, generation, timeout, previous);
            boolean changed = previous == null || !Objects.equals(previous.getRevision(), artifact.getRevision())
                    || !Objects.equals(previous.getDigest(), artifact.getDigest());
            if (changed) {
                announce(key, artifact, pushes.remove(key));
            } else if (pushAtStart != null) {
                pushes.remove(key, pushAtStart);
            }
            markSucceeded(status, generation, artifact, spec);
            statusWriter.write(key, status);
            failures.remove(key);
            if (changed) {
                LOG.infof("%s: stored artifact for revision '%s' (%s, %d bytes)", key, artifact.getRevision(), artifact.getDigest(), artifact.getSize());
                triggers.includedChanged(key);
            }
            return interval;
        } catch (ReconcileFailure failure) {
            GitRepositoryStatus before = copyOfConditions(status);
            markFailed(status, generation, failure);
            LOG.warnf("%s: %s", key, failure.getMessage());
            publishFailure(key, before, failure.reason(), failure.getMessage(), previous);
            statusWriter.write(key, status);
            return backoff(key, interval);
        } catch (PublishFailedException e) {
            LOG.warnf("%s: %s; retrying", key, e.getMessage());
            return backoff(key, interval);
        }
    }

    private Artifact fetchAndStore(ObjectKey key, GitRepository repo, GitRepositorySpec spec, long generation, Duration timeout,
                                   Artifact previous) throws ReconcileFailure {
        if (spec.getUrl() == null || spec.getUrl().isBlank()) {
            throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.URL_INVALID, "spec.url is empty; set it to the repository's clone URL");
        }
        String secretName = spec.getSecretRef() == null ? null : key.namespace() + "/" + spec.getSecretRef().getName();
        GitCredentials credentials = credentials(key, spec);
        FetchResult fetched;
        try {
            fetched = fetcher.fetch(key, new FetchRequest(spec.getUrl(), spec.getRef(), credentials, timeout, secretName));
        } catch (GitFetchException e) {
            String reason = e.kind() == GitFetchException.Failure.INVALID_URL ? Reasons.URL_INVALID : Reasons.GIT_OPERATION_FAILED;
            throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, reason, "failed to checkout and determine revision: " + e.getMessage(), e);
        }
        List<IncludedArtifact> includes = resolveIncludes(key, spec);
        String revision = fetched.revision().toString();

        boolean upToDate = previous != null && revision.equals(previous.getRevision()) && includes.isEmpty()
                && Objects.equals(repo.getStatus() == null ? null : repo.getStatus().getObservedGeneration(), generation)
                && previous.getPath() != null && storage.find(previous.getPath()).isPresent();
        if (upToDate) {
            return previous;
        }
        StoredArtifact stored = build(key, fetched, includes, spec.getIgnore());
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

    private StoredArtifact build(ObjectKey key, FetchResult fetched, List<IncludedArtifact> includes, String ignore) throws ReconcileFailure {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(fetched.gitDir().toFile()).setMustExist(true).build();
             ObjectReader reader = repository.newObjectReader()) {
            Path temp = storage.newTempFile(key);
            try {
                BuiltArtifact built = ArtifactBuilder.build(GitTreeFiles.read(reader, fetched.commitSha()), includes, ignore, temp);
                return storage.store(key, built);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ReconcileFailure(ConditionTypes.STORAGE_OPERATION_FAILED, Reasons.ARCHIVE_OPERATION_FAILED,
                    "unable to archive artifact to storage: " + e.getMessage(), e);
        } finally {
            includes.stream().filter(IncludedArtifact::temporary).forEach(include -> deleteQuietly(include.artifact()));
        }
    }

    private GitCredentials credentials(ObjectKey key, GitRepositorySpec spec) throws ReconcileFailure {
        if (spec.getSecretRef() == null || spec.getSecretRef().getName() == null) {
            return GitCredentials.none();
        }
        String name = spec.getSecretRef().getName();
        Secret secret;
        try {
            secret = client.secrets().inNamespace(key.namespace()).withName(name).get();
        } catch (KubernetesClientException e) {
            throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.AUTHENTICATION_FAILED,
                    "failed to get secret '" + key.namespace() + "/" + name + "': " + e.getMessage(), e);
        }
        if (secret == null) {
            throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.AUTHENTICATION_FAILED,
                    "failed to get secret '" + key.namespace() + "/" + name + "': secrets \"" + name + "\" not found; create it or fix spec.secretRef");
        }
        Map<String, byte[]> data = new HashMap<>();
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        if (secret.getData() != null) {
            try {
                secret.getData().forEach((k, v) -> data.put(k, Base64.getMimeDecoder().decode(v)));
            } catch (IllegalArgumentException e) {
                throw new ReconcileFailure(ConditionTypes.FETCH_FAILED, Reasons.AUTHENTICATION_FAILED,
                        "secret '" + key.namespace() + "/" + name + "' has a data value that is not base64");
            }
        }
        return GitCredentials.fromSecretData(data);
    }

    private List<IncludedArtifact> resolveIncludes(ObjectKey key, GitRepositorySpec spec) throws ReconcileFailure {
        List<IncludedArtifact> resolved = new ArrayList<>();
        if (spec.getInclude() == null) {
            return resolved;
        }
        for (GitRepositoryInclude include : spec.getInclude()) {
            String name = include.getRepository() == null ? null : include.getRepository().getName();
            if (name == null || name.isBlank()) {
                throw new ReconcileFailure(ConditionTypes.INCLUDE_UNAVAILABLE, "NotFound", "spec.include has an entry without repository.name");
            }
            Optional<GitRepository> included = Optional.ofNullable(
                    client.resources(GitRepository.class).inNamespace(key.namespace()).withName(name).get());
            if (included.isEmpty()) {
                throw new ReconcileFailure(ConditionTypes.INCLUDE_UNAVAILABLE, "NotFound",
                        "could not get resource for include '" + name + "': GitRepository " + key.namespace() + "/" + name + " not found");
            }
            Artifact artifact = included.get().getStatus() == null ? null : included.get().getStatus().getArtifact();
            if (artifact == null || artifact.getPath() == null || artifact.getDigest() == null) {
                throw new ReconcileFailure(ConditionTypes.INCLUDE_UNAVAILABLE, "NoArtifact", "no artifact available for include '" + name + "'");
            }
            resolved.add(localOrDownloaded(key, name, artifact, include));
        }
        return resolved;
    }

    /** The included artifact from this replica's storage, or downloaded from its URL (another replica's) and checked. */
    private IncludedArtifact localOrDownloaded(ObjectKey key, String name, Artifact artifact, GitRepositoryInclude include) throws ReconcileFailure {
        try {
            Optional<Path> local = storage.find(artifact.getPath());
            if (local.isPresent()) {
                return new IncludedArtifact(name, local.get(), include.getFromPath(), include.getToPath());
            }
            Path temp = storage.newTempFile(key);
            downloader.download(URI.create(artifact.getUrl()), Digest.parse(artifact.getDigest()), temp);
            return new IncludedArtifact(name, temp, include.getFromPath(), include.getToPath(), true);
        } catch (IOException | IllegalArgumentException e) {
            throw new ReconcileFailure(ConditionTypes.INCLUDE_UNAVAILABLE, "NoArtifact",
                    "artifact of include '" + name + "' could not be read: " + e.getMessage(), e);
        }
    }

    private void announce(ObjectKey key, Artifact artifact, Instant pushReceivedAt) throws PublishFailedException {
        ArtifactReady ready = new ArtifactReady(key, artifact.getRevision(), URI.create(artifact.getUrl()),
                Digest.parse(artifact.getDigest()), artifact.getSize(), pushReceivedAt);
        ObjectEvent event = new ObjectEvent(key, Severity.INFO, NEW_ARTIFACT,
                "stored artifact for revision '" + artifact.getRevision() + "'", artifact.getRevision(),
                Map.of("source.toolkit.fluxcd.io/revision", artifact.getRevision(), "source.toolkit.fluxcd.io/digest", artifact.getDigest()),
                Instant.now(), service.name());
        try {
            publisher.publish(ready).toCompletableFuture().get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            publisher.publish(event);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new PublishFailedException("could not publish ArtifactReady for revision '" + artifact.getRevision() + "' to Kafka: " + e.getMessage());
        }
    }

    private void markSucceeded(GitRepositoryStatus status, long generation, Artifact artifact, GitRepositorySpec spec) {
        Instant now = Instant.now();
        String message = "stored artifact for revision '" + artifact.getRevision() + "'";
        status.setArtifact(artifact);
        for (String negative : List.of(ConditionTypes.FETCH_FAILED, ConditionTypes.INCLUDE_UNAVAILABLE, ConditionTypes.STORAGE_OPERATION_FAILED,
                ConditionTypes.STALLED, ConditionTypes.RECONCILING, ConditionTypes.ARTIFACT_OUTDATED)) {
            Conditions.delete(status, negative);
        }
        Conditions.markTrue(status, generation, ConditionTypes.ARTIFACT_IN_STORAGE, Reasons.SUCCEEDED, message, now);
        Conditions.markTrue(status, generation, ConditionTypes.READY, Reasons.SUCCEEDED, message, now);
        status.setObservedGeneration(generation);
        status.setObservedIgnore(spec.getIgnore());
        status.setObservedInclude(spec.getInclude());
    }

    /** Ready=False with the failure's reason and message; the failing condition True; status.artifact untouched. */
    private void markFailed(GitRepositoryStatus status, long generation, ReconcileFailure failure) {
        Instant now = Instant.now();
        Conditions.delete(status, ConditionTypes.STALLED);
        Conditions.markTrue(status, generation, failure.condition(), failure.reason(), failure.getMessage(), now);
        Conditions.markFalse(status, generation, ConditionTypes.READY, failure.reason(), failure.getMessage(), now);
    }

    /** An error ObjectEvent, unless Ready already said exactly this (a retry of the same failure is not news). */
    private void publishFailure(ObjectKey key, GitRepositoryStatus before, String reason, String message, Artifact previous) {
        boolean sameAsBefore = before != null && Conditions.get(before, ConditionTypes.READY)
                .map(c -> Conditions.FALSE.equals(c.getStatus()) && message.equals(c.getMessage()))
                .orElse(false);
        if (sameAsBefore) {
            return;
        }
        publisher.publish(new ObjectEvent(key, Severity.ERROR, reason, message, previous == null ? null : previous.getRevision(),
                Map.of(), Instant.now(), service.name()));
    }

    /** retry-min × 2^(failures−1), at most the interval. */
    private Duration backoff(ObjectKey key, Duration interval) {
        int count = failures.merge(key, 1, Integer::sum);
        Duration delay = config.reconcile().retryMin().multipliedBy(1L << Math.min(count - 1, 20));
        return delay.compareTo(interval) > 0 ? interval : delay;
    }

    private static GitRepositoryStatus copyOfConditions(GitRepositoryStatus status) {
        GitRepositoryStatus copy = new GitRepositoryStatus();
        copy.setConditions(status.getConditions() == null ? null : new ArrayList<>(status.getConditions()));
        return copy;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("could not delete %s: %s", file, e.getMessage());
        }
    }

    /** Kafka did not take ArtifactReady: the status is not written, so the next try publishes again. */
    private static final class PublishFailedException extends Exception {
        PublishFailedException(String message) {
            super(message);
        }
    }
}
