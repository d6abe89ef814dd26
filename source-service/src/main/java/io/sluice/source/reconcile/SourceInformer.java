package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.ReconcileAnnotation;
import io.sluice.kit.cluster.RetryingInformer;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Objects;

/**
 * Watches one source kind in all namespaces with a fabric8 informer and keeps the objects in its cache. Tells
 * {@link ReconcileTriggers} when one is created, when its spec changes (a new {@code metadata.generation}) or Flux's
 * {@code reconcile.fluxcd.io/requestedAt} annotation changes, and when it is deleted. Status updates (by this
 * service) change neither, so they do not cause another reconciliation.
 *
 * <p>Start-up does not wait for the Kubernetes API: the informer starts in the background and keeps retrying
 * (logging a warning) until the API answers, so the service and its Kafka consumers run meanwhile.
 *
 * @param <T> the source kind, e.g. GitRepository
 */
final class SourceInformer<T extends CustomResource<?, ?>> {

    private static final Logger LOG = Logger.getLogger(SourceInformer.class);

    private final KubernetesClient client;
    private final Class<T> type;
    private final String kind;
    private volatile SharedIndexInformer<T> informer;

    SourceInformer(KubernetesClient client, Class<T> type, String kind) {
        this.client = client;
        this.type = type;
        this.kind = kind;
    }

    void start(ReconcileTriggers triggers) {
        SharedIndexInformer<T> started = RetryingInformer.inAllNamespaces(client, type, kind);
        started.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                triggers.changed(key(object));
            }

            @Override
            public void onUpdate(T before, T after) {
                if (!Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
                        || !Objects.equals(ReconcileAnnotation.requestedAt(before), ReconcileAnnotation.requestedAt(after))) {
                    triggers.changed(key(after));
                }
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                triggers.deleted(key(object));
            }
        });
        informer = started;
        started.start();
        LOG.infof("Watching %s objects in all namespaces at %s", kind, client.getMasterUrl());
    }

    void stop() {
        if (informer != null) {
            informer.stop();
        }
    }

    /** Every object as last seen. */
    List<T> all() {
        SharedIndexInformer<T> current = informer;
        return current == null ? List.of() : current.getStore().list();
    }

    ObjectKey key(T object) {
        return ObjectKey.of(kind, object.getMetadata().getNamespace(), object.getMetadata().getName());
    }
}
