package io.sluice.sandbox.cluster.apiserver;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * The part of kube-controller-manager a cluster without kubelets still runs, simulated: the Deployment, ReplicaSet
 * and Endpoints controllers ({@link DeploymentController}, {@link ReplicaSetController},
 * {@link EndpointsController}). No scheduler or kubelet exists, so pods stay Pending and Deployments never become
 * available unless something marks their pods Ready (as a kubelet would, through {@code pods/status}).
 *
 * <p>They react to changes {@value #REACTION_MILLIS} ms after them, on one thread of their own, as API clients:
 * a real controller-manager also acts a moment after a write, so the answer to the write itself never shows the
 * controllers' work (a created Deployment answers {@code status: {}}). docs/sandbox.md says what each simulates.
 */
final class ControllerManager implements AutoCloseable {

    static final long REACTION_MILLIS = 300;
    private static final Logger LOG = Logger.getLogger(ControllerManager.class);

    /** One piece of work: which controller, for which object. */
    private record Key(String controller, String namespace, String name) {
    }

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-controllers");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Key> pending = ConcurrentHashMap.newKeySet();
    private final DeploymentController deployments;
    private final ReplicaSetController replicaSets;
    private final EndpointsController endpoints;

    ControllerManager(BiFunction<RecordedRequest, ResourcePath, MockResponse> api, ObjectStore store) {
        ControllerClient client = new ControllerClient(api);
        this.replicaSets = new ReplicaSetController(client);
        this.deployments = new DeploymentController(client, replicaSets);
        this.endpoints = new EndpointsController(client);
        store.listen(this::changed);
    }

    /** Called with the store's monitor held: only schedules work. */
    private void changed(ObjectStore.Change change) {
        ObjectRef ref = change.ref();
        boolean deleted = change.type().equals("DELETED");
        switch (ref.group() + "/" + ref.plural()) {
            case "apps/deployments" -> {
                if (!deleted) {
                    schedule(new Key("deployment", ref.namespace(), ref.name()), REACTION_MILLIS);
                }
            }
            case "apps/replicasets" -> {
                if (!deleted) {
                    schedule(new Key("replicaset", ref.namespace(), ref.name()), REACTION_MILLIS);
                }
                Owners.controller(change.object(), "Deployment")
                        .ifPresent(owner -> schedule(new Key("deployment", ref.namespace(), owner), REACTION_MILLIS));
            }
            case "/pods" -> Owners.controller(change.object(), "ReplicaSet")
                    .ifPresent(owner -> schedule(new Key("replicaset", ref.namespace(), owner), REACTION_MILLIS));
            case "/services" -> schedule(new Key("endpoints", ref.namespace(), ref.name()), REACTION_MILLIS);
            default -> {
            }
        }
    }

    private void schedule(Key key, long delayMillis) {
        if (!pending.add(key)) {
            return;
        }
        try {
            executor.schedule(() -> run(key), delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.remove(key); // closed
        }
    }

    private void run(Key key) {
        pending.remove(key);
        try {
            long recheckMillis = switch (key.controller()) {
                case "deployment" -> deployments.sync(key.namespace(), key.name());
                case "replicaset" -> replicaSets.sync(key.namespace(), key.name());
                default -> endpoints.sync(key.namespace(), key.name());
            };
            if (recheckMillis > 0) {
                // a look at a later time (a deadline) must not hold back the work changes bring before it
                executor.schedule(() -> run(key), recheckMillis, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "SANDBOX controller %s failed on %s/%s", key.controller(), key.namespace(), key.name());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
