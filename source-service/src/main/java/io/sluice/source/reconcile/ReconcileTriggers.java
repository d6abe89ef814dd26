package io.sluice.source.reconcile;

import io.sluice.api.events.GitPushed;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.events.RepoUrl;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositoryInclude;
import io.sluice.api.source.HelmChart;
import io.sluice.api.source.HelmRepository;
import io.sluice.api.source.LocalHelmChartSourceReference;
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
 * Everything that makes a source object (GitRepository, HelmRepository, HelmChart) reconcile, in one place:
 * <ul>
 *   <li>created, spec changed, {@code reconcile.fluxcd.io/requestedAt} changed ({@link SourceWatchers}):
 *       reconciled now, by the replica that owns it ({@link PartitionOwnership});</li>
 *   <li>its interval elapsed: the reconciler's answer plans the next run, again only on the owner;</li>
 *   <li>{@code ReconcileRequested} for it: reconciled now (the record's partition is the owner's);</li>
 *   <li>{@code GitPushed} (GitRepositories only) whose key equals {@link RepoUrl#normalize} of its {@code spec.url}: reconciled now if
 *       this replica owns it, otherwise a {@code ReconcileRequested} is published so the owner does it;</li>
 *   <li>partitions newly assigned to this replica: all objects that fall in them are reconciled now;</li>
 *   <li>a GitRepository it includes got a new artifact, or the HelmRepository a HelmChart pulls from got a new index (the
 *       reconciler's {@link Outcome} says so).</li>
 * </ul>
 */
@ApplicationScoped
public class ReconcileTriggers {

    private static final Logger LOG = Logger.getLogger(ReconcileTriggers.class);

    private final PartitionOwnership ownership;
    private final SourceWatchers watcher;
    private final GitRepositoryReconciler reconciler;
    private final HelmRepositoryReconciler helmRepositories;
    private final HelmChartReconciler helmCharts;
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

    ReconcileTriggers(SourceConfig config, PartitionOwnership ownership, SourceWatchers watcher, GitRepositoryReconciler reconciler,
                      HelmRepositoryReconciler helmRepositories, HelmChartReconciler helmCharts, ArtifactStorage storage, EventPublisher publisher, StageTimer stageTimer) {
        this.ownership = ownership;
        this.watcher = watcher;
        this.reconciler = reconciler;
        this.helmRepositories = helmRepositories;
        this.helmCharts = helmCharts;
        this.storage = storage;
        this.publisher = publisher;
        this.stageTimer = stageTimer;
        this.scheduler = new ReconcileScheduler(config.reconcile().workers(), this::run, ownership::owns);
    }

    @PreDestroy
    void close() {
        scheduler.close();
    }

    /** One run of the object's kind; its outcome plans the next, and a new artifact rebuilds the GitRepositories that include it. */
    private Duration run(ObjectKey key) {
        return switch (key.kind()) {
            case HelmRepository.KIND -> {
                Outcome outcome = stageTimer.time("fetch", () -> helmRepositories.reconcile(key));
                if (outcome.newArtifact()) {
                    chartSourceChanged(key);
                }
                yield outcome.next();
            }
            case HelmChart.KIND -> stageTimer.time("fetch", () -> helmCharts.reconcile(key)).next();
            default -> {
                Outcome outcome = stageTimer.time("fetch", () -> reconciler.reconcile(key));
                if (outcome.newArtifact()) {
                    includedChanged(key);
                }
                yield outcome.next();
            }
        };
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
        helmRepositories.forget(key);
        helmCharts.forget(key);
        if (ownership.owns(key)) {
            storage.deleteAll(key);
            LOG.infof("%s was deleted; its artifacts were removed from storage", key);
        }
    }

    /** Reconciles the object now, on this replica; {@code requestedAt} goes to {@code status.lastHandledReconcileAt}. */
    public void reconcileRequested(ReconcileRequested request) {
        switch (request.object().kind()) {
            case GitRepository.KIND -> reconciler.noteRequest(request.object(), request.requestedAt());
            case HelmRepository.KIND -> helmRepositories.noteRequest(request.object(), request.requestedAt());
            case HelmChart.KIND -> helmCharts.noteRequest(request.object(), request.requestedAt());
            default -> {
                return; // another service's kind
            }
        }
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
        for (GitRepository repo : watcher.gitRepositories()) {
            if (repo.getSpec() == null || !key.equals(normalizedOrNull(repo.getSpec().getUrl()))) {
                continue;
            }
            matched++;
            ObjectKey object = SourceWatchers.key(repo);
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
        for (GitRepository repo : watcher.gitRepositories()) {
            if (!Objects.equals(repo.getMetadata().getNamespace(), included.namespace()) || repo.getSpec() == null
                    || repo.getSpec().getInclude() == null) {
                continue;
            }
            List<GitRepositoryInclude> includes = repo.getSpec().getInclude();
            boolean includesIt = includes.stream().anyMatch(i -> i.getRepository() != null && included.name().equals(i.getRepository().getName()));
            ObjectKey key = SourceWatchers.key(repo);
            if (includesIt && ownership.owns(key)) {
                scheduler.requestNow(key);
            }
        }
    }

    /** A HelmRepository got a new index: reconcile the HelmCharts in its namespace that pull from it. */
    private void chartSourceChanged(ObjectKey repository) {
        for (HelmChart chart : watcher.helmCharts()) {
            LocalHelmChartSourceReference ref = chart.getSpec() == null ? null : chart.getSpec().getSourceRef();
            ObjectKey key = SourceWatchers.key(chart);
            if (ref != null && repository.kind().equals(ref.getKind()) && repository.name().equals(ref.getName())
                    && repository.namespace().equals(key.namespace()) && ownership.owns(key)) {
                scheduler.requestNow(key);
            }
        }
    }

    void onAssigned(@Observes PartitionOwnership.PartitionsAssigned assigned) {
        for (ObjectKey key : watcher.allKeys()) {
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
