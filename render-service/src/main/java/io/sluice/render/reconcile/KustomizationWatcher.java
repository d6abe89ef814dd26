package io.sluice.render.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.ObjectKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** Flux's annotation for "reconcile now". */
    public static final String REQUESTED_AT_ANNOTATION = "reconcile.fluxcd.io/requestedAt";

    private static final Logger LOG = Logger.getLogger(KustomizationWatcher.class);

    private final KubernetesClient client;
    private final RenderTriggers triggers;
    private final AtomicInteger watchFailures = new AtomicInteger();
    private volatile SharedIndexInformer<Kustomization> informer;

    KustomizationWatcher(KubernetesClient client, RenderTriggers triggers) {
        this.client = client;
        this.triggers = triggers;
    }

    void start(@Observes StartupEvent ignored) {
        SharedIndexInformer<Kustomization> started = client.resources(Kustomization.class).inAnyNamespace().runnableInformer(0);
        started.exceptionHandler((isStarted, error) -> {
            // Warn once, then quietly: fabric8 retries with a growing backoff until the API server answers.
            if (watchFailures.getAndIncrement() == 0) {
                LOG.warnf("Watching Kustomization objects at %s failed (%s); retrying until the Kubernetes API answers"
                        + " (set quarkus.kubernetes-client.api-server-url or a kubeconfig)", client.getMasterUrl(), error.getMessage());
            } else {
                LOG.debugf("Watching Kustomization objects failed again: %s", error.getMessage());
            }
            return true;
        });
        started.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Kustomization ks) {
                triggers.changed(SourceMatch.keyOf(ks));
            }

            @Override
            public void onUpdate(Kustomization before, Kustomization after) {
                if (!Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
                        || !Objects.equals(requestedAt(before), requestedAt(after))) {
                    triggers.changed(SourceMatch.keyOf(after));
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

    private static String requestedAt(Kustomization ks) {
        Map<String, String> annotations = ks.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(REQUESTED_AT_ANNOTATION);
    }
}
