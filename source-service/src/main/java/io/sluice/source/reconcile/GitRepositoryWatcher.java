package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.ReconcileAnnotation;
import io.sluice.api.source.GitRepository;
import io.sluice.kit.cluster.RetryingInformer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Watches GitRepository objects in all namespaces with a fabric8 informer and keeps them in its cache. Tells
 * {@link ReconcileTriggers} when one is created, when its spec changes (a new {@code metadata.generation}) or
 * Flux's {@code reconcile.fluxcd.io/requestedAt} annotation changes, and when it is deleted. Status updates
 * (by this service) change neither, so they do not cause another reconciliation.
 *
 * <p>Start-up does not wait for the Kubernetes API: the informer starts in the background and keeps retrying
 * (logging a warning) until the API answers, so the service and its Kafka consumers run meanwhile.
 */
@ApplicationScoped
public class GitRepositoryWatcher {

    private static final Logger LOG = Logger.getLogger(GitRepositoryWatcher.class);

    private final KubernetesClient client;
    private final ReconcileTriggers triggers;
    private volatile SharedIndexInformer<GitRepository> informer;

    GitRepositoryWatcher(KubernetesClient client, ReconcileTriggers triggers) {
        this.client = client;
        this.triggers = triggers;
    }

    void start(@Observes StartupEvent ignored) {
        SharedIndexInformer<GitRepository> started = RetryingInformer.inAllNamespaces(client, GitRepository.class, GitRepository.KIND);
        started.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(GitRepository repo) {
                triggers.changed(key(repo));
            }

            @Override
            public void onUpdate(GitRepository before, GitRepository after) {
                if (!Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
                        || !Objects.equals(ReconcileAnnotation.requestedAt(before), ReconcileAnnotation.requestedAt(after))) {
                    triggers.changed(key(after));
                }
            }

            @Override
            public void onDelete(GitRepository repo, boolean finalStateUnknown) {
                triggers.deleted(key(repo));
            }
        });
        informer = started;
        started.start();
        LOG.infof("Watching GitRepository objects in all namespaces at %s", client.getMasterUrl());
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (informer != null) {
            informer.stop();
        }
    }

    /** The object as last seen, if it exists. */
    public Optional<GitRepository> get(ObjectKey key) {
        SharedIndexInformer<GitRepository> current = informer;
        if (current == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(current.getStore().getByKey(key.namespace() + "/" + key.name()));
    }

    /** Every GitRepository as last seen. */
    public List<GitRepository> all() {
        SharedIndexInformer<GitRepository> current = informer;
        return current == null ? List.of() : current.getStore().list();
    }

    public static ObjectKey key(GitRepository repo) {
        return ObjectKey.of(GitRepository.KIND, repo.getMetadata().getNamespace(), repo.getMetadata().getName());
    }
}
