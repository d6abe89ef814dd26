package io.sluice.alert.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.sluice.alert.config.AlertConfig;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.Alert;
import io.sluice.api.notification.Provider;
import io.sluice.api.source.GitRepository;
import io.sluice.kit.cluster.RetryingInformer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The cluster as alert-service sees it, through fabric8 informers in all namespaces:
 * <ul>
 *   <li>Provider and Alert objects: any change to one of them calls the change listener (which rebuilds the
 *       routing table);</li>
 *   <li>the Secrets Providers reference, read one by one with GET: alert-service may not list or watch Secrets
 *       (its RBAC grants {@code get} only, so it can never read every Secret in the cluster). Every
 *       {@code sluice.alerts.secret-refresh} it reads the referenced Secrets again and calls the change listener
 *       when one appeared, changed or went away;</li>
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
    /** resourceVersion (or "absent") of each referenced Secret when last read, to notice changes. */
    private final Map<ObjectKey, String> secretVersions = new ConcurrentHashMap<>();
    private final Duration secretRefresh;
    private ScheduledExecutorService secretRefresher;
    private volatile SharedIndexInformer<Kustomization> kustomizations;
    private volatile SharedIndexInformer<GitRepository> gitRepositories;

    ClusterObjects(KubernetesClient client, AlertConfig config) {
        this.client = client;
        this.secretRefresh = config.secretRefresh();
    }

    /**
     * Starts the informers.
     *
     * @param changed called (on an informer or the refresh thread) whenever a Provider, an Alert or a referenced
     *                Secret changed
     * @return completes when the Provider and Alert informers have listed everything once
     */
    public synchronized CompletableFuture<Void> start(Runnable changed) {
        providers = inform(Provider.class, Provider.KIND, object -> true, changed);
        alerts = inform(Alert.class, Alert.KIND, object -> true, changed);
        kustomizations = inform(Kustomization.class, Kustomization.KIND, null, changed);
        gitRepositories = inform(GitRepository.class, GitRepository.KIND, null, changed);
        secretRefresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sluice-alert-secret-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, secretRefresh.toMillis());
        secretRefresher.scheduleWithFixedDelay(() -> refreshSecrets(changed), every, every, TimeUnit.MILLISECONDS);
        LOG.infof("Watching Provider, Alert, Kustomization and GitRepository objects in all namespaces at %s;"
                + " reading the Secrets Providers name every %s", client.getMasterUrl(), secretRefresh);
        return CompletableFuture.allOf(
                providers.start().toCompletableFuture(),
                alerts.start().toCompletableFuture(),
                kustomizations.start().toCompletableFuture(),
                gitRepositories.start().toCompletableFuture());
    }

    void stop(@Observes ShutdownEvent ignored) {
        synchronized (this) {
            informers.forEach(SharedIndexInformer::stop);
            informers.clear();
            if (secretRefresher != null) {
                secretRefresher.shutdownNow();
            }
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
        Secret found = client.secrets().inNamespace(key.namespace()).withName(key.name()).get();
        secretVersions.put(key, version(found));
        return Optional.ofNullable(found).map(secret -> {
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

    /** Reads every referenced Secret again; calls {@code changed} once if any appeared, changed or went away. */
    private void refreshSecrets(Runnable changed) {
        try {
            Set<ObjectKey> referenced = new HashSet<>();
            for (Provider provider : list(providers)) {
                if (provider.getSpec() != null && provider.getSpec().getSecretRef() != null
                        && provider.getSpec().getSecretRef().getName() != null) {
                    referenced.add(ObjectKey.of("Secret", provider.getMetadata().getNamespace(), provider.getSpec().getSecretRef().getName()));
                }
            }
            secretVersions.keySet().retainAll(referenced);
            boolean anyChanged = false;
            for (ObjectKey key : referenced) {
                String now = version(client.secrets().inNamespace(key.namespace()).withName(key.name()).get());
                String before = secretVersions.put(key, now);
                anyChanged |= !now.equals(before);
            }
            if (anyChanged) {
                changed.run();
            }
        } catch (RuntimeException e) {
            LOG.debugf("Reading the Providers' Secrets failed (%s); trying again in %s", e.getMessage(), secretRefresh);
        }
    }

    private static String version(Secret secret) {
        return secret == null ? "absent" : String.valueOf(secret.getMetadata().getResourceVersion());
    }

    /**
     * @param relevant which changes call {@code changed}; null: none do (the informer is only a cache)
     */
    private <T extends HasMetadata> SharedIndexInformer<T> inform(Class<T> type, String kind, Predicate<T> relevant, Runnable changed) {
        SharedIndexInformer<T> informer = RetryingInformer.inAllNamespaces(client, type, kind);
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
