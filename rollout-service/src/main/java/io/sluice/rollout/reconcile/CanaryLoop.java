package io.sluice.rollout.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.api.flagger.Canary;
import io.sluice.api.meta.ObjectKey;
import io.sluice.kit.cluster.ObjectWatcher;
import io.sluice.kit.reconcile.ReconcileScheduler;
import io.sluice.rollout.analysis.AnalysisPlan;
import io.sluice.rollout.analysis.InvalidCanaryException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Runs each Canary's analysis on its own timer: a new Canary or a spec change ticks at once, then every
 * {@code analysis.interval}. Status writes do not tick (the watcher ignores them), so weights move at the interval,
 * not at the speed of the API server. One replica: no partition ownership yet (docs/rollout-service.md).
 */
@ApplicationScoped
public class CanaryLoop {

    private static final Logger LOG = Logger.getLogger(CanaryLoop.class);
    /** The next tick of a Canary whose interval cannot be read (its status already says why). */
    static final Duration FALLBACK_INTERVAL = Duration.ofSeconds(60);

    private final ObjectWatcher<Canary> canaries;
    private final ReconcileScheduler scheduler;

    CanaryLoop(KubernetesClient client, CanaryReconciler reconciler) {
        this.canaries = new ObjectWatcher<>(client, Canary.class, Canary.KIND);
        this.scheduler = new ReconcileScheduler(4, key -> tick(reconciler, key), key -> true);
    }

    void start(@Observes StartupEvent started) {
        canaries.start(canary -> scheduler.requestNow(canaries.key(canary)), canary -> scheduler.forget(canaries.key(canary)));
    }

    void stop(@Observes ShutdownEvent stopping) {
        canaries.stop();
        scheduler.close();
    }

    private Duration tick(CanaryReconciler reconciler, ObjectKey key) {
        reconciler.reconcile(key);
        return canaries.get(key).map(CanaryLoop::interval).orElse(null);
    }

    private static Duration interval(Canary canary) {
        try {
            return AnalysisPlan.of(canary.getSpec()).interval();
        } catch (InvalidCanaryException e) {
            LOG.debugf("Canary %s/%s: %s", canary.getMetadata().getNamespace(), canary.getMetadata().getName(), e.getMessage());
            return FALLBACK_INTERVAL;
        }
    }
}
