package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositoryStatus;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a GitRepository's status through the status subresource. The object is read fresh before each
 * attempt, and a 409 Conflict (someone changed the object meanwhile) is retried, so the status is never written
 * over a newer object and the spec is never touched.
 */
@ApplicationScoped
public class StatusWriter {

    private static final int ATTEMPTS = 5;

    private final KubernetesClient client;

    StatusWriter(KubernetesClient client) {
        this.client = client;
    }

    /** Replaces the status; returns false when the object no longer exists. */
    public boolean write(ObjectKey key, GitRepositoryStatus status) {
        for (int attempt = 1; ; attempt++) {
            GitRepository fresh = client.resources(GitRepository.class).inNamespace(key.namespace()).withName(key.name()).get();
            if (fresh == null) {
                return false;
            }
            fresh.setStatus(status);
            try {
                client.resources(GitRepository.class).inNamespace(key.namespace()).resource(fresh).updateStatus();
                return true;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
