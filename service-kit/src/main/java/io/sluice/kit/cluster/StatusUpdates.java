package io.sluice.kit.cluster;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sluice.api.meta.ObjectKey;

import java.util.function.Supplier;

/**
 * Changes the status of one kind of custom resource through its status subresource, the way every reconciler
 * writes status: read the object fresh, apply the change to its status, write only when something changed (no write,
 * no watch event, for a run that found nothing new), and retry a 409 Conflict on a fresh read. The spec is never
 * touched.
 *
 * @param <R> the resource kind, e.g. GitRepository
 * @param <S> its status type
 */
public final class StatusUpdates<R extends CustomResource<?, S>, S> {

    /** A change to the status of a freshly read object. */
    @FunctionalInterface
    public interface Change<R, S> {
        void apply(R fresh, S status);
    }

    private static final int ATTEMPTS = 5;

    private final KubernetesClient client;
    private final Class<R> type;
    private final Supplier<S> emptyStatus;

    /** @param emptyStatus the status of an object that has none yet */
    public StatusUpdates(KubernetesClient client, Class<R> type, Supplier<S> emptyStatus) {
        this.client = client;
        this.type = type;
        this.emptyStatus = emptyStatus;
    }

    /** Returns true when the status was written; false when nothing changed or the object no longer exists. */
    public boolean update(ObjectKey key, Change<R, S> change) {
        for (int attempt = 1; ; attempt++) {
            R fresh = client.resources(type).inNamespace(key.namespace()).withName(key.name()).get();
            if (fresh == null) {
                return false;
            }
            S status = fresh.getStatus() == null ? emptyStatus.get() : fresh.getStatus();
            String before = Serialization.asJson(status);
            change.apply(fresh, status);
            if (before.equals(Serialization.asJson(status))) {
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
