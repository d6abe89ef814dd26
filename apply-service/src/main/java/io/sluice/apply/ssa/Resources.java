package io.sluice.apply.ssa;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.time.Duration;

/**
 * One object by its reference through the fabric8 DSL, for the rare and slow paths (deletion, waiting, health
 * polling); the apply hot path goes through {@link ApiCalls}. And the pause between two polls.
 */
final class Resources {

    private Resources() {
    }

    static Resource<GenericKubernetesResource> of(KubernetesClient client, ObjectRef ref) {
        var type = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
        return ref.namespace().isEmpty() ? type.withName(ref.name()) : type.inNamespace(ref.namespace()).withName(ref.name());
    }

    /** The live object, or null when it does not exist. */
    static GenericKubernetesResource live(KubernetesClient client, ObjectRef ref) {
        return of(client, ref).get();
    }

    /** Sleeps between two polls; an interrupt ends the wait with an error naming what was waited for. */
    static void pause(Duration interval, String waitingFor) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted while waiting for " + waitingFor, e);
        }
    }
}
