package io.sluice.gateway.receiver;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.api.notification.Receiver;
import io.sluice.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Watches Receivers with a fabric8 informer, so a new or changed Receiver is served (or stops being served)
 * without a restart. Every {@code sluice.gateway.receivers.resync} the informer hands every Receiver back, and
 * its Secret is read again: that is how a created or rotated Secret takes effect.
 *
 * <p>At start-up it waits up to {@code sluice.gateway.receivers.sync-timeout} for the first list, so webhooks that
 * arrive as soon as the port opens find their Receiver; if the Kubernetes API does not answer in time it says so
 * and carries on (the informer keeps retrying in the background).
 */
@ApplicationScoped
public class ReceiverWatcher {

    private static final Logger LOG = Logger.getLogger(ReceiverWatcher.class);

    private final KubernetesClient client;
    private final ReceiverReconciler reconciler;
    private final GatewayConfig.Receivers config;
    private SharedIndexInformer<Receiver> informer;

    ReceiverWatcher(KubernetesClient client, ReceiverReconciler reconciler, GatewayConfig config) {
        this.client = client;
        this.reconciler = reconciler;
        this.config = config.receivers();
    }

    void start(@Observes StartupEvent event) {
        Optional<String> namespace = config.namespace().filter(ns -> !ns.isBlank());
        long resyncMillis = config.resync().toMillis();
        var receivers = client.resources(Receiver.class);
        informer = namespace
                .map(ns -> receivers.inNamespace(ns).runnableInformer(resyncMillis))
                .orElseGet(() -> receivers.inAnyNamespace().runnableInformer(resyncMillis));
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Receiver receiver) {
                reconcile(receiver);
            }

            @Override
            public void onUpdate(Receiver previous, Receiver receiver) {
                reconcile(receiver);
            }

            @Override
            public void onDelete(Receiver receiver, boolean finalStateUnknown) {
                reconciler.forget(receiver);
            }
        });
        String scope = namespace.map(ns -> "namespace " + ns).orElse("all namespaces");
        try {
            informer.start().toCompletableFuture().get(config.syncTimeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("watching Receivers in %s at %s", scope, client.getMasterUrl());
        } catch (TimeoutException | ExecutionException e) {
            LOG.warnf("could not list Receivers in %s at %s within %s (%s); serving none until the Kubernetes API answers."
                            + " Check quarkus.kubernetes-client.api-server-url or the kubeconfig and RBAC (list/watch receivers,"
                            + " get secrets, update receivers/status)",
                    scope, client.getMasterUrl(), config.syncTimeout(), e.getCause() == null ? e.toString() : e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (informer != null) {
            informer.close();
        }
    }

    private void reconcile(Receiver receiver) {
        try {
            reconciler.reconcile(receiver);
        } catch (RuntimeException e) {
            // One bad Receiver (or an API hiccup) must not stop the informer from delivering the others.
            LOG.warnf("could not reconcile Receiver %s/%s: %s; retried at the next change or resync",
                    receiver.getMetadata().getNamespace(), receiver.getMetadata().getName(), e.getMessage());
        }
    }
}
