package io.sluice.kit.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fabric8 informer over one kind in all namespaces that never gives up: when the Kubernetes API does not
 * answer (not started yet, restarting, wrong address) it warns once, naming the kind and the API server, and
 * then retries quietly with fabric8's growing backoff. Services start without waiting for the API, so their
 * Kafka consumers run meanwhile. The caller adds its event handlers, then calls {@code start()}.
 */
public final class RetryingInformer {

    private static final Logger LOG = Logger.getLogger(RetryingInformer.class);

    private RetryingInformer() {
    }

    /** A not yet started informer for {@code type} in all namespaces, with a full resync never (0). */
    public static <T extends HasMetadata> SharedIndexInformer<T> inAllNamespaces(KubernetesClient client, Class<T> type, String kind) {
        SharedIndexInformer<T> informer = client.resources(type).inAnyNamespace().runnableInformer(0);
        AtomicInteger failures = new AtomicInteger();
        informer.exceptionHandler((isStarted, error) -> {
            if (failures.getAndIncrement() == 0) {
                LOG.warnf("Watching %s objects at %s failed (%s); retrying until the Kubernetes API answers"
                        + " (set quarkus.kubernetes-client.api-server-url or a kubeconfig)", kind, client.getMasterUrl(), error.getMessage());
            } else {
                LOG.debugf("Watching %s objects failed again: %s", kind, error.getMessage());
            }
            return true; // keep retrying
        });
        return informer;
    }
}
