package io.sluice.image.cluster;

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
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Watches one image kind in all namespaces with a fabric8 informer and keeps the objects in its cache. Calls
 * {@code changed} when one is created, its spec changes (a new {@code metadata.generation}) or Flux's
 * {@code reconcile.fluxcd.io/requestedAt} annotation changes, and {@code deleted} when it goes. Status updates change
 * neither, so they do not cause another reconciliation. The informer retries until the API answers.
 */
public final class ObjectWatcher<T extends CustomResource<?, ?>> {

    private static final Logger LOG = Logger.getLogger(ObjectWatcher.class);

    private final KubernetesClient client;
    private final Class<T> type;
    private final String kind;
    private volatile SharedIndexInformer<T> informer;

    public ObjectWatcher(KubernetesClient client, Class<T> type, String kind) {
        this.client = client;
        this.type = type;
        this.kind = kind;
    }

    public void start(Consumer<T> changed, Consumer<T> deleted) {
        SharedIndexInformer<T> started = RetryingInformer.inAllNamespaces(client, type, kind);
        started.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                changed.accept(object);
            }

            @Override
            public void onUpdate(T before, T after) {
                if (!Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
                        || !Objects.equals(ReconcileAnnotation.requestedAt(before), ReconcileAnnotation.requestedAt(after))) {
                    changed.accept(after);
                }
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                deleted.accept(object);
            }
        });
        informer = started;
        started.start();
        LOG.infof("Watching %s objects in all namespaces at %s", kind, client.getMasterUrl());
    }

    public void stop() {
        if (informer != null) {
            informer.stop();
        }
    }

    public Optional<T> get(ObjectKey key) {
        SharedIndexInformer<T> current = informer;
        return current == null ? Optional.empty() : Optional.ofNullable(current.getStore().getByKey(key.namespace() + "/" + key.name()));
    }

    public List<T> all() {
        SharedIndexInformer<T> current = informer;
        return current == null ? List.of() : current.getStore().list();
    }

    public ObjectKey key(T object) {
        return ObjectKey.of(kind, object.getMetadata().getNamespace(), object.getMetadata().getName());
    }
}
