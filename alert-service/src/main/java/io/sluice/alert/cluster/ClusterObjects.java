package io.sluice.alert.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.notification.Alert;
import io.sluice.api.notification.Provider;
import io.sluice.api.source.GitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The cluster as alert-service sees it, through fabric8 informers in all namespaces:
 * <ul>
 *   <li>Provider and Alert objects and the Secrets Providers reference: any change to one of them calls
 *       the change listener (which rebuilds the routing table); a Secret no Provider references is ignored;</li>
 *   <li>Kustomization and GitRepository objects: the labels an Alert's {@code matchLabels} look at, and the
 *       GitRepository URL a Kustomization's revision comes from (for commit links).</li>
 * </ul>
 * Start-up does not wait for the Kubernetes API: the informers start in the background and keep retrying
 * (one warning) until the API answers.
 */
@ApplicationScoped
public class ClusterObjects {

    private static final Logger LOG = Logger.getLogger(ClusterObjects.class);

    private final KubernetesClient client;
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private volatile SharedIndexInformer<Provider> providers;
    private volatile SharedIndexInformer<Alert> alerts;
    private volatile SharedIndexInformer<Secret> secrets;
    private volatile SharedIndexInformer<Kustomization> kustomizations;
    private volatile SharedIndexInformer<GitRepository> gitRepositories;

    ClusterObjects(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Starts the informers.
     *
     * @param changed called (on an informer thread) whenever a Provider, an Alert or a referenced Secret changed
     * @return completes when the Provider, Alert and Secret informers have listed everything once
     */
    public synchronized CompletableFuture<Void> start(Runnable changed) {
        providers = inform(Provider.class, Provider.KIND, object -> true, changed);
        alerts = inform(Alert.class, Alert.KIND, object -> true, changed);
        secrets = inform(Secret.class, "Secret", this::referencedByAProvider, changed);
        kustomizations = inform(Kustomization.class, Kustomization.KIND, null, changed);
        gitRepositories = inform(GitRepository.class, GitRepository.KIND, null, changed);
        LOG.infof("Watching Provider, Alert, Secret, Kustomization and GitRepository objects in all namespaces at %s",
                client.getMasterUrl());
        return CompletableFuture.allOf(
                providers.start().toCompletableFuture(),
                alerts.start().toCompletableFuture(),
                secrets.start().toCompletableFuture(),
                kustomizations.start().toCompletableFuture(),
                gitRepositories.start().toCompletableFuture());
    }

    void stop(@Observes ShutdownEvent ignored) {
        synchronized (this) {
            informers.forEach(SharedIndexInformer::stop);
            informers.clear();
        }
    }

    public List<Provider> providers() {
        return list(providers);
    }

    public List<Alert> alerts() {
        return list(alerts);
    }

    /** A Secret's data, base64-decoded ({@code stringData} wins over {@code data}), by {@code Secret/<namespace>/<name>}. */
    public Optional<Map<String, String>> secretData(ObjectKey key) {
        return get(secrets, key).map(secret -> {
            Map<String, String> result = new HashMap<>();
            if (secret.getData() != null) {
                secret.getData().forEach((k, v) -> result.put(k, v == null ? "" : decode(v)));
            }
            if (secret.getStringData() != null) {
                result.putAll(secret.getStringData());
            }
            return result;
        });
    }

    /** The labels of an involved object the informers hold (Kustomization, GitRepository); empty for other kinds. */
    public Map<String, String> labels(ObjectKey object) {
        Optional<? extends HasMetadata> found = switch (object.kind()) {
            case Kustomization.KIND -> get(kustomizations, object);
            case GitRepository.KIND -> get(gitRepositories, object);
            default -> Optional.empty();
        };
        return found.map(o -> o.getMetadata().getLabels()).map(Map::copyOf).orElse(Map.of());
    }

    /**
     * The URL of the Git repository an object's revisions come from: a GitRepository's {@code spec.url}, or that
     * of the GitRepository a Kustomization's {@code spec.sourceRef} names; empty when unknown.
     */
    public Optional<String> sourceUrl(ObjectKey object) {
        if (GitRepository.KIND.equals(object.kind())) {
            return get(gitRepositories, object).map(repo -> repo.getSpec() == null ? null : repo.getSpec().getUrl());
        }
        if (!Kustomization.KIND.equals(object.kind())) {
            return Optional.empty();
        }
        return get(kustomizations, object).map(ks -> ks.getSpec() == null ? null : ks.getSpec().getSourceRef())
                .filter(ref -> GitRepository.KIND.equals(ref.getKind()) && ref.getName() != null)
                .flatMap(ref -> sourceUrl(ObjectKey.of(GitRepository.KIND, namespaceOf(ref, object), ref.getName())));
    }

    private static String namespaceOf(CrossNamespaceSourceReference ref, ObjectKey object) {
        return ref.getNamespace() == null || ref.getNamespace().isBlank() ? object.namespace() : ref.getNamespace();
    }

    private boolean referencedByAProvider(Secret secret) {
        String namespace = secret.getMetadata().getNamespace();
        String name = secret.getMetadata().getName();
        return list(providers).stream().anyMatch(p -> p.getSpec() != null && p.getSpec().getSecretRef() != null
                && name.equals(p.getSpec().getSecretRef().getName())
                && namespace.equals(p.getMetadata().getNamespace()));
    }

    /**
     * @param relevant which changes call {@code changed}; null: none do (the informer is only a cache)
     */
    private <T extends HasMetadata> SharedIndexInformer<T> inform(Class<T> type, String kind, Predicate<T> relevant, Runnable changed) {
        SharedIndexInformer<T> informer = client.resources(type).inAnyNamespace().runnableInformer(0);
        AtomicInteger failures = new AtomicInteger();
        informer.exceptionHandler((isStarted, error) -> {
            // Warn once, then quietly: fabric8 retries with a growing backoff until the API server answers.
            if (failures.getAndIncrement() == 0) {
                LOG.warnf("Watching %s objects at %s failed (%s); retrying until the Kubernetes API answers"
                        + " (set quarkus.kubernetes-client.api-server-url or a kubeconfig)", kind, client.getMasterUrl(), error.getMessage());
            } else {
                LOG.debugf("Watching %s objects failed again: %s", kind, error.getMessage());
            }
            return true;
        });
        if (relevant != null) {
            informer.addEventHandler(new ResourceEventHandler<>() {
                @Override
                public void onAdd(T object) {
                    notify(object);
                }

                @Override
                public void onUpdate(T before, T after) {
                    if (relevant.test(before)) {
                        changed.run();
                    } else {
                        notify(after);
                    }
                }

                @Override
                public void onDelete(T object, boolean finalStateUnknown) {
                    notify(object);
                }

                private void notify(T object) {
                    if (relevant.test(object)) {
                        changed.run();
                    }
                }
            });
        }
        informers.add(informer);
        return informer;
    }

    private static <T extends HasMetadata> List<T> list(SharedIndexInformer<T> informer) {
        return informer == null ? List.of() : informer.getStore().list();
    }

    private static <T extends HasMetadata> Optional<T> get(SharedIndexInformer<T> informer, ObjectKey key) {
        return informer == null ? Optional.empty()
                : Optional.ofNullable(informer.getStore().getByKey(key.namespace() + "/" + key.name()));
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            // never echo the value: it is a credential
            return "";
        }
    }
}
