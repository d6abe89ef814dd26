package io.sluice.render.reconcile;

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
import java.util.Map;
import java.util.Objects;

/**
 * Watches Kustomization objects in all namespaces with a fabric8 informer. Tells {@link RenderTriggers} when one is
 * created, when its spec changes (a new {@code metadata.generation}: path, patches, substitutions, suspend, …) or
 * Flux's {@code reconcile.fluxcd.io/requestedAt} annotation changes ({@code flux reconcile ks}), and when it is
 * deleted. Status updates (by this service and apply-service) change neither, so they cause no render.
 *
 * <p>Start-up does not wait for the Kubernetes API: the informer starts in the background and keeps retrying
 * (logging a warning) until the API answers, so the service and its Kafka consumers run meanwhile.
 */
@ApplicationScoped
public class KustomizationWatcher {

    private static final Logger LOG = Logger.getLogger(KustomizationWatcher.class);

    private final KubernetesClient client;
    private final RenderTriggers triggers;
    private volatile SharedIndexInformer<Kustomization> informer;

    KustomizationWatcher(KubernetesClient client, RenderTriggers triggers) {
        this.client = client;
        this.triggers = triggers;
    }

    void start(@Observes StartupEvent ignored) {
        SharedIndexInformer<Kustomization> started = RetryingInformer.inAllNamespaces(client, Kustomization.class, Kustomization.KIND);
        started.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Kustomization ks) {
                triggers.changed(SourceMatch.keyOf(ks));
            }

            @Override
            public void onUpdate(Kustomization before, Kustomization after) {
                if (!Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())) {
                    triggers.changed(SourceMatch.keyOf(after));
                }
                String requestedAt = ReconcileAnnotation.requestedAt(after);
                if (requestedAt != null && !Objects.equals(ReconcileAnnotation.requestedAt(before), requestedAt)) {
                    triggers.annotated(SourceMatch.keyOf(after), requestedAt);
                }
            }

            @Override
            public void onDelete(Kustomization ks, boolean finalStateUnknown) {
                triggers.deleted(SourceMatch.keyOf(ks));
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

    /** Every Kustomization as last seen. */
    public List<ObjectKey> all() {
        SharedIndexInformer<Kustomization> current = informer;
        return current == null ? List.of() : current.getStore().list().stream().map(SourceMatch::keyOf).toList();
    }
}
