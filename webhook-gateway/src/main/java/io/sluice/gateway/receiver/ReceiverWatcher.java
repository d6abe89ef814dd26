package io.sluice.gateway.receiver;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.api.meta.FluxDuration;
import io.sluice.api.notification.Receiver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
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

    @Inject
    KubernetesClient client;

    @Inject
    ReceiverReconciler reconciler;

    @ConfigProperty(name = "sluice.gateway.receivers.namespace")
    Optional<String> namespace;

    @ConfigProperty(name = "sluice.gateway.receivers.resync", defaultValue = "1m")
    String resync;

    @ConfigProperty(name = "sluice.gateway.receivers.sync-timeout", defaultValue = "10s")
    String syncTimeout;

    private SharedIndexInformer<Receiver> informer;

    void start(@Observes StartupEvent event) {
        Duration resyncPeriod = FluxDuration.parse(resync, "sluice.gateway.receivers.resync");
        Duration timeout = FluxDuration.parse(syncTimeout, "sluice.gateway.receivers.sync-timeout");
        var receivers = client.resources(Receiver.class);
        informer = namespace.filter(ns -> !ns.isBlank())
                .map(ns -> receivers.inNamespace(ns).runnableInformer(resyncPeriod.toMillis()))
                .orElseGet(() -> receivers.inAnyNamespace().runnableInformer(resyncPeriod.toMillis()));
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
        String scope = namespace.filter(ns -> !ns.isBlank()).map(ns -> "namespace " + ns).orElse("all namespaces");
        try {
            informer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("watching Receivers in %s at %s", scope, client.getMasterUrl());
        } catch (TimeoutException | ExecutionException e) {
            LOG.warnf("could not list Receivers in %s at %s within %s (%s); serving none until the Kubernetes API answers."
                            + " Check quarkus.kubernetes-client.api-server-url or the kubeconfig and RBAC (list/watch receivers,"
                            + " get secrets, update receivers/status)",
                    scope, client.getMasterUrl(), syncTimeout, e.getCause() == null ? e.toString() : e.getCause().getMessage());
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
