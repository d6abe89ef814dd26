package io.sluice.image.cluster;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.meta.FluxStatus;
import io.sluice.api.meta.ObjectKey;

/**
 * Writes the status of an image kind through the status subresource. The object is read fresh before each attempt
 * and a 409 Conflict is retried, so a status is never written over a newer object and the spec is never touched.
 */
public final class StatusWriter {

    private static final int ATTEMPTS = 5;

    private final KubernetesClient client;

    public StatusWriter(KubernetesClient client) {
        this.client = client;
    }

    /** Replaces the status; returns false when the object no longer exists. */
    public <S extends FluxStatus, T extends CustomResource<?, S>> boolean write(Class<T> type, ObjectKey key, S status) {
        for (int attempt = 1; ; attempt++) {
            T fresh = client.resources(type).inNamespace(key.namespace()).withName(key.name()).get();
            if (fresh == null) {
                return false;
            }
            fresh.setStatus(status);
            try {
                client.resources(type).inNamespace(key.namespace()).resource(fresh).updateStatus();
                return true;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
