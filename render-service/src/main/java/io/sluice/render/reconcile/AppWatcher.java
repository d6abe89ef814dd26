package io.sluice.render.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.api.helm.HelmRelease;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.ReconcileAnnotation;
import io.sluice.kit.cluster.RetryingInformer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches the app objects render-service renders, Kustomizations and HelmReleases, in all namespaces with fabric8
 * informers. Tells {@link RenderTriggers} when one is created, when its spec changes (a new
 * {@code metadata.generation}: path, patches, values, chart, suspend, …) or Flux's
 * {@code reconcile.fluxcd.io/requestedAt} annotation changes ({@code flux reconcile ks|hr}), and when it is deleted.
 * Status updates (by this service and apply-service) change neither, so they cause no render.
 *
 * <p>Start-up does not wait for the Kubernetes API: the informers start in the background and keep retrying
 * (logging a warning) until the API answers, so the service and its Kafka consumers run meanwhile.
 */
@ApplicationScoped
public class AppWatcher {

    private static final Logger LOG = Logger.getLogger(AppWatcher.class);

    private final KubernetesClient client;
    private final RenderTriggers triggers;
    private final List<Watched> watched = new CopyOnWriteArrayList<>();

    /** One kind and its informer. */
    private record Watched(String kind, SharedIndexInformer<? extends HasMetadata> informer) {
    }

    AppWatcher(KubernetesClient client, RenderTriggers triggers) {
        this.client = client;
        this.triggers = triggers;
    }

    void start(@Observes StartupEvent ignored) {
        watch(Kustomization.class, Kustomization.KIND);
        watch(HelmRelease.class, HelmRelease.KIND);
        LOG.infof("Watching Kustomization and HelmRelease objects in all namespaces at %s", client.getMasterUrl());
    }

    private <T extends HasMetadata> void watch(Class<T> type, String kind) {
        SharedIndexInformer<T> started = RetryingInformer.inAllNamespaces(client, type, kind);
        started.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(T app) {
                triggers.changed(keyOf(kind, app));
            }

            @Override
            public void onUpdate(T before, T after) {
                if (!Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())) {
                    triggers.changed(keyOf(kind, after));
                }
                String requestedAt = ReconcileAnnotation.requestedAt(after);
                if (requestedAt != null && !Objects.equals(ReconcileAnnotation.requestedAt(before), requestedAt)) {
                    triggers.annotated(keyOf(kind, after), requestedAt);
                }
            }

            @Override
            public void onDelete(T app, boolean finalStateUnknown) {
                triggers.deleted(keyOf(kind, app));
            }
        });
        watched.add(new Watched(kind, started));
        started.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        watched.forEach(w -> w.informer().stop());
    }

    /** Every Kustomization and HelmRelease as last seen. */
    public List<ObjectKey> all() {
        List<ObjectKey> keys = new ArrayList<>();
        for (Watched w : watched) {
            w.informer().getStore().list().forEach(app -> keys.add(keyOf(w.kind(), app)));
        }
        return keys;
    }

    private static ObjectKey keyOf(String kind, HasMetadata app) {
        return ObjectKey.of(kind, app.getMetadata().getNamespace(), app.getMetadata().getName());
    }
}
