package io.sluice.alert.routing;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.alert.cluster.ClusterObjects;
import io.sluice.alert.provider.NotificationProviders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the current {@link RoutingTable}: rebuilt from {@link ClusterObjects} after every change to an Alert,
 * a Provider or a Secret a Provider references, on one thread (changes arriving meanwhile are folded into the
 * next rebuild). A rebuild that fails keeps the previous table. Problems go to the {@link InvalidObjectReporter}.
 */
@ApplicationScoped
public class RoutingTables {

    private static final Logger LOG = Logger.getLogger(RoutingTables.class);

    private final ClusterObjects cluster;
    private final InvalidObjectReporter reporter;
    private final RoutingTableBuilder builder = new RoutingTableBuilder(new ReusingProviderFactory(NotificationProviders::create));
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    private final CompletableFuture<Void> firstSync = new CompletableFuture<>();
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alert-routing");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RoutingTable current = RoutingTable.EMPTY;

    RoutingTables(ClusterObjects cluster, InvalidObjectReporter reporter) {
        this.cluster = cluster;
        this.reporter = reporter;
    }

    void start(@Observes StartupEvent ignored) {
        cluster.start(this::requestRebuild).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.errorf("Reading Alerts and Providers failed: %s", error.getMessage());
                return;
            }
            rebuilds.execute(() -> {
                rebuild();
                firstSync.complete(null);
            });
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
        rebuilds.shutdownNow();
    }

    /** The table as of the last rebuild. */
    public RoutingTable current() {
        return current;
    }

    /**
     * Waits until the Alerts and Providers have been read once, so events read at start-up are not matched
     * against an empty table. Returns false (and the caller goes on with what there is) after {@code timeout}.
     */
    public boolean awaitFirstSync(Duration timeout) {
        try {
            firstSync.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Schedules a rebuild; several requests before it runs make one rebuild. */
    public void requestRebuild() {
        if (rebuildPending.compareAndSet(false, true)) {
            try {
                rebuilds.execute(() -> {
                    rebuildPending.set(false);
                    rebuild();
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                rebuildPending.set(false);
            }
        }
    }

    private void rebuild() {
        try {
            RoutingTable table = builder.build(cluster.alerts(), cluster.providers(), cluster::secretData);
            current = table;
            LOG.debugf("Routing table rebuilt: %d Alert(s) routed, %d problem(s)", table.routes().size(), table.problems().size());
            reporter.report(table.problems());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuilding the routing table failed; keeping the previous one");
        }
    }
}
