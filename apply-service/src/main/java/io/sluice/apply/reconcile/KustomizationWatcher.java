package io.sluice.apply.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.ReconcileAnnotation;
import io.sluice.kit.cluster.RetryingInformer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Watches Kustomization objects in all namespaces with a fabric8 informer and tells {@link ReconcileTriggers}:
 * <ul>
 *   <li>created, or its spec changed (a new {@code metadata.generation}: suspend flipped, interval, dependsOn,
 *       prune, timeout, serviceAccountName, ...): reconcile now, so the change takes effect;</li>
 *   <li>Flux's {@code reconcile.fluxcd.io/requestedAt} annotation changed: a reconcile request;</li>
 *   <li>it became ready (as {@link DependencyCheck} counts it), whichever replica applied it: its dependents may
 *       go on;</li>
 *   <li>deleted: forget it (and delete its objects when its deletion policy says so).</li>
 * </ul>
 * Status writes by this service change none of the first two, so they cause no further run.
 *
 * <p>Start-up does not wait for the Kubernetes API: the informer starts in the background and keeps retrying
 * (logging a warning) until the API answers, so the service and its Kafka consumers run meanwhile.
 */
@ApplicationScoped
public class KustomizationWatcher {

    private static final Logger LOG = Logger.getLogger(KustomizationWatcher.class);

    private final KubernetesClient client;
    private final ReconcileTriggers triggers;
    private volatile SharedIndexInformer<Kustomization> informer;

    KustomizationWatcher(KubernetesClient client, ReconcileTriggers triggers) {
        this.client = client;
        this.triggers = triggers;
    }

    void start(@Observes StartupEvent ignored) {
        SharedIndexInformer<Kustomization> started = RetryingInformer.inAllNamespaces(client, Kustomization.class, Kustomization.KIND);
        started.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Kustomization ks) {
                // At start-up every existing object is "added"; only new or changed specs need a run now, the
                // others run on their interval (restored from render.manifests).
                if (ks.getStatus() == null || !Objects.equals(ks.getStatus().getObservedGeneration(), ks.getMetadata().getGeneration())) {
                    triggers.changed(key(ks));
                }
            }

            @Override
            public void onUpdate(Kustomization before, Kustomization after) {
                ObjectKey key = key(after);
                if (!Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())) {
                    triggers.changed(key);
                }
                String requestedAt = ReconcileAnnotation.requestedAt(after);
                if (requestedAt != null && !Objects.equals(ReconcileAnnotation.requestedAt(before), requestedAt)) {
                    triggers.requested(key, requestedAt);
                }
                if (!DependencyCheck.ready(before) && DependencyCheck.ready(after)) {
                    triggers.becameReady(key);
                }
            }

            @Override
            public void onDelete(Kustomization ks, boolean finalStateUnknown) {
                triggers.deleted(ks);
            }
        });
        informer = started;
        started.start();
        LOG.infof("Watching Kustomization objects in all namespaces at %s", client.getMasterUrl());
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (informer != null) {
            informer.stop();
        }
    }

    /** The object as last seen, if it exists. */
    public Optional<Kustomization> get(ObjectKey key) {
        SharedIndexInformer<Kustomization> current = informer;
        if (current == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(current.getStore().getByKey(key.namespace() + "/" + key.name()));
    }

    /** Every Kustomization as last seen. */
    public List<Kustomization> all() {
        SharedIndexInformer<Kustomization> current = informer;
        return current == null ? List.of() : current.getStore().list();
    }

    public static ObjectKey key(Kustomization ks) {
        return ObjectKey.of(Kustomization.KIND, ks.getMetadata().getNamespace(), ks.getMetadata().getName());
    }
}
