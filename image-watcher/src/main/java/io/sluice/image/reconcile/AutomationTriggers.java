package io.sluice.image.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.ImagePolicyChanged;
import io.sluice.api.events.ReconcileRequested;
import io.sluice.api.image.ImageUpdateAutomation;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;
import io.sluice.image.automation.ImageUpdateAutomationReconciler;
import io.sluice.image.cluster.ObjectWatcher;
import io.sluice.image.config.ImageConfig;
import io.sluice.kit.config.ServiceConfig;
import io.sluice.kit.messaging.EventPublisher;
import io.sluice.kit.metrics.StageTimer;
import io.sluice.kit.reconcile.ReconcileScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * Everything that makes an ImageUpdateAutomation run, on the replica that owns it ({@link PartitionOwnership}):
 * created or changed; every {@code spec.interval}; {@code ImagePolicyChanged} for a policy in its namespace; a new
 * artifact of the GitRepository it updates (a commit may have added markers); a {@code ReconcileRequested}; newly
 * assigned partitions. A trigger that reaches a replica which does not own the automation is forwarded to the owner
 * as a {@code ReconcileRequested}.
 */
@ApplicationScoped
public class AutomationTriggers {

    private static final Logger LOG = Logger.getLogger(AutomationTriggers.class);

    private final PartitionOwnership ownership;
    private final EventPublisher publisher;
    private final ObjectWatcher<ImageUpdateAutomation> automations;
    private final ImageUpdateAutomationReconciler reconciler;
    private final ReconcileScheduler runs;

    AutomationTriggers(KubernetesClient client, ImageConfig config, ServiceConfig service, PartitionOwnership ownership,
                       EventPublisher publisher, StageTimer stageTimer) {
        this.ownership = ownership;
        this.publisher = publisher;
        this.automations = new ObjectWatcher<>(client, ImageUpdateAutomation.class, ImageUpdateAutomation.KIND);
        this.reconciler = new ImageUpdateAutomationReconciler(client, config.automation().workPath(), publisher::publish,
                new ImageUpdateAutomationReconciler.Settings(config.reconcile().defaultInterval(), config.reconcile().retryMin(), service.name()));
        this.runs = new ReconcileScheduler(config.reconcile().workers(), key -> stageTimer.time("automation", () -> reconciler.reconcile(key)),
                ownership::owns);
    }

    void start(@Observes StartupEvent ignored) {
        automations.start(automation -> runIfOwned(automations.key(automation)), automation -> {
            ObjectKey key = automations.key(automation);
            runs.forget(key);
            reconciler.forget(key);
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
        automations.stop();
        runs.close();
    }

    /** A policy chose another image: the automations of its namespace run. */
    public void policyChanged(ImagePolicyChanged change) {
        runMatching(a -> a.getMetadata().getNamespace().equals(change.policy().namespace()), "policy change of " + change.policy());
    }

    /** The GitRepository an automation updates has a new revision. */
    public void artifactReady(ArtifactReady ready) {
        if (!GitRepository.KIND.equals(ready.source().kind())) {
            return;
        }
        runMatching(a -> a.getSpec() != null && a.getSpec().getSourceRef() != null
                && ready.source().name().equals(a.getSpec().getSourceRef().getName())
                && ready.source().namespace().equals(a.getSpec().getSourceRef().getNamespace() == null
                ? a.getMetadata().getNamespace() : a.getSpec().getSourceRef().getNamespace()), "new revision of " + ready.source());
    }

    public void reconcileRequested(ReconcileRequested request) {
        if (ImageUpdateAutomation.KIND.equals(request.object().kind())) {
            reconciler.noteRequest(request.object(), request.requestedAt());
            runs.requestNow(request.object());
        }
    }

    void onAssigned(@Observes PartitionOwnership.PartitionsAssigned assigned) {
        automations.all().forEach(a -> runIfOwned(automations.key(a)));
    }

    private void runMatching(Predicate<ImageUpdateAutomation> matching, String why) {
        for (ImageUpdateAutomation automation : automations.all()) {
            if (!matching.test(automation)) {
                continue;
            }
            ObjectKey key = automations.key(automation);
            if (ownership.owns(key)) {
                runs.requestNow(key);
            } else {
                publisher.publish(new ReconcileRequested(key, Instant.now(), "image-watcher (" + why + ")")).whenComplete((done, error) -> {
                    if (error != null) {
                        LOG.warnf("Could not hand the %s to the replica owning %s: %s; it runs on its interval", why, key, error.getMessage());
                    }
                });
            }
        }
    }

    private void runIfOwned(ObjectKey key) {
        if (ownership.owns(key)) {
            runs.requestNow(key);
        }
    }
}
