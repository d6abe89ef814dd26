package io.sluice.source.reconcile;

import io.sluice.api.events.GitPushed;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.events.RepoUrl;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositoryInclude;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.kit.metrics.StageTimer;
import io.sluice.kit.reconcile.ReconcileScheduler;
import io.sluice.source.artifact.ArtifactStorage;
import io.sluice.source.config.SourceConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything that makes a GitRepository reconcile, in one place:
 * <ul>
 *   <li>created, spec changed, {@code reconcile.fluxcd.io/requestedAt} changed ({@link GitRepositoryWatcher}):
 *       reconciled now, by the replica that owns it ({@link PartitionOwnership});</li>
 *   <li>its interval elapsed: the reconciler's answer plans the next run, again only on the owner;</li>
 *   <li>{@code ReconcileRequested} for it: reconciled now (the record's partition is the owner's);</li>
 *   <li>{@code GitPushed} whose key equals {@link RepoUrl#normalize} of its {@code spec.url}: reconciled now if
 *       this replica owns it, otherwise a {@code ReconcileRequested} is published so the owner does it;</li>
 *   <li>partitions newly assigned to this replica: all objects that fall in them are reconciled now;</li>
 *   <li>a GitRepository it includes got a new artifact (the reconciler's {@link GitRepositoryReconciler.Outcome} says so).</li>
 * </ul>
 */
@ApplicationScoped
public class ReconcileTriggers {

    private static final Logger LOG = Logger.getLogger(ReconcileTriggers.class);

    private final PartitionOwnership ownership;
    private final GitRepositoryWatcher watcher;
    private final GitRepositoryReconciler reconciler;
    private final ArtifactStorage storage;
    private final EventPublisher publisher;
    private final StageTimer stageTimer;
    private final ReconcileScheduler scheduler;
    /**
     * When a push last made this replica reconcile an object ({@code GitPushed.receivedAt}). webhook-gateway
     * publishes, for one webhook delivery, a GitPushed and a ReconcileRequested for each of the Receiver's
     * resources, both stamped with the same instant; a request carrying exactly that instant is the same delivery
     * and is already being answered, so it does not fetch the repository a second time.
     */
    private final Map<ObjectKey, Instant> pushTriggered = new ConcurrentHashMap<>();

    ReconcileTriggers(SourceConfig config, PartitionOwnership ownership, GitRepositoryWatcher watcher, GitRepositoryReconciler reconciler,
                      ArtifactStorage storage, EventPublisher publisher, StageTimer stageTimer) {
        this.ownership = ownership;
        this.watcher = watcher;
        this.reconciler = reconciler;
        this.storage = storage;
        this.publisher = publisher;
        this.stageTimer = stageTimer;
        this.scheduler = new ReconcileScheduler(config.reconcile().workers(), this::run, ownership::owns);
    }

    @PreDestroy
    void close() {
        scheduler.close();
    }

    /** One run; its outcome plans the next, and a new artifact rebuilds the GitRepositories that include it. */
    private Duration run(ObjectKey key) {
        GitRepositoryReconciler.Outcome outcome = stageTimer.time("fetch", () -> reconciler.reconcile(key));
        if (outcome.newArtifact()) {
            includedChanged(key);
        }
        return outcome.next();
    }

    /** Created, spec changed, or reconcile annotation changed. */
    void changed(ObjectKey key) {
        if (ownership.owns(key)) {
            scheduler.requestNow(key);
        }
    }

    void deleted(ObjectKey key) {
        scheduler.forget(key);
        pushTriggered.remove(key);
        reconciler.forget(key);
        if (ownership.owns(key)) {
            storage.deleteAll(key);
            LOG.infof("%s was deleted; its artifacts were removed from storage", key);
        }
    }

    /** Reconciles the object now, on this replica; {@code requestedAt} goes to {@code status.lastHandledReconcileAt}. */
    public void reconcileRequested(ReconcileRequested request) {
        if (!GitRepository.KIND.equals(request.object().kind())) {
            return; // another service's kind
        }
        reconciler.noteRequest(request.object(), request.requestedAt());
        if (request.requestedAt().equals(pushTriggered.remove(request.object()))) {
            LOG.debugf("%s: reconcile request of %s comes with a push already being fetched; no second fetch",
                    request.object(), request.requestedAt());
            return;
        }
        scheduler.requestNow(request.object());
    }

    /** Reconciles every GitRepository whose normalized URL is the push's key; returns how many matched. */
    public int gitPushed(GitPushed push) {
        String key = push.subject();
        int matched = 0;
        for (GitRepository repo : watcher.all()) {
            if (repo.getSpec() == null || !key.equals(normalizedOrNull(repo.getSpec().getUrl()))) {
                continue;
            }
            matched++;
            ObjectKey object = GitRepositoryWatcher.key(repo);
            if (ownership.owns(object)) {
                reconciler.notePush(object, push.receivedAt());
                pushTriggered.put(object, push.receivedAt());
                scheduler.requestNow(object);
            } else {
                // The owner reconciles it: one hop through Kafka keeps "one replica per object".
                publisher.publish(new ReconcileRequested(object, Instant.now(), "source-service (push " + push.deliveryId() + ")"))
                        .whenComplete((done, error) -> {
                            if (error != null) {
                                LOG.warnf("Could not hand the push %s for %s to its owning replica: %s; it will fetch on its next poll",
                                        push.deliveryId(), object, error.getMessage());
                            }
                        });
            }
        }
        LOG.debugf("Push to %s (%s, delivery %s) matched %d GitRepository object(s)", key, push.ref(), push.deliveryId(), matched);
        return matched;
    }

    /** A GitRepository got a new artifact: reconcile the ones in its namespace that include it. */
    private void includedChanged(ObjectKey included) {
        for (GitRepository repo : watcher.all()) {
            if (!Objects.equals(repo.getMetadata().getNamespace(), included.namespace()) || repo.getSpec() == null
                    || repo.getSpec().getInclude() == null) {
                continue;
            }
            List<GitRepositoryInclude> includes = repo.getSpec().getInclude();
            boolean includesIt = includes.stream().anyMatch(i -> i.getRepository() != null && included.name().equals(i.getRepository().getName()));
            ObjectKey key = GitRepositoryWatcher.key(repo);
            if (includesIt && ownership.owns(key)) {
                scheduler.requestNow(key);
            }
        }
    }

    void onAssigned(@Observes PartitionOwnership.PartitionsAssigned assigned) {
        for (GitRepository repo : watcher.all()) {
            ObjectKey key = GitRepositoryWatcher.key(repo);
            if (ownership.owns(key)) {
                scheduler.requestNow(key);
            }
        }
    }

    private static String normalizedOrNull(String url) {
        try {
            return url == null ? null : RepoUrl.normalize(url);
        } catch (IllegalArgumentException e) {
            return null; // file:// and other URLs no webhook can name
        }
    }
}
