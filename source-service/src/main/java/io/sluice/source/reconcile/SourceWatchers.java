package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.HelmChart;
import io.sluice.api.source.HelmRepository;
import io.sluice.kit.cluster.ObjectWatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/**
 * The informers of the source kinds source-service reconciles (GitRepository, HelmRepository, HelmChart), one of
 * the kit's {@link ObjectWatcher}s each, started with the service and stopped with it; each tells
 * {@link ReconcileTriggers} what changed.
 */
@ApplicationScoped
public class SourceWatchers {

    private final ReconcileTriggers triggers;
    private final ObjectWatcher<GitRepository> gitRepositories;
    private final ObjectWatcher<HelmRepository> helmRepositories;
    private final ObjectWatcher<HelmChart> helmCharts;

    SourceWatchers(KubernetesClient client, ReconcileTriggers triggers) {
        this.triggers = triggers;
        this.gitRepositories = new ObjectWatcher<>(client, GitRepository.class, GitRepository.KIND);
        this.helmRepositories = new ObjectWatcher<>(client, HelmRepository.class, HelmRepository.KIND);
        this.helmCharts = new ObjectWatcher<>(client, HelmChart.class, HelmChart.KIND);
    }

    void start(@Observes StartupEvent ignored) {
        gitRepositories.start(repo -> triggers.changed(key(repo)), repo -> triggers.deleted(key(repo)));
        helmRepositories.start(repo -> triggers.changed(key(repo)), repo -> triggers.deleted(key(repo)));
        helmCharts.start(chart -> triggers.changed(key(chart)), chart -> triggers.deleted(key(chart)));
    }

    void stop(@Observes ShutdownEvent ignored) {
        gitRepositories.stop();
        helmRepositories.stop();
        helmCharts.stop();
    }

    /** Every GitRepository as last seen. */
    public List<GitRepository> gitRepositories() {
        return gitRepositories.all();
    }

    /** Every HelmRepository as last seen. */
    public List<HelmRepository> helmRepositories() {
        return helmRepositories.all();
    }

    /** Every HelmChart as last seen. */
    public List<HelmChart> helmCharts() {
        return helmCharts.all();
    }

    /** Every source object as last seen, of every kind watched. */
    List<ObjectKey> allKeys() {
        List<ObjectKey> keys = new ArrayList<>();
        gitRepositories.all().forEach(repo -> keys.add(gitRepositories.key(repo)));
        helmRepositories.all().forEach(repo -> keys.add(helmRepositories.key(repo)));
        helmCharts.all().forEach(chart -> keys.add(helmCharts.key(chart)));
        return keys;
    }

    public static ObjectKey key(GitRepository repo) {
        return ObjectKey.of(GitRepository.KIND, repo.getMetadata().getNamespace(), repo.getMetadata().getName());
    }

    public static ObjectKey key(HelmChart chart) {
        return ObjectKey.of(HelmChart.KIND, chart.getMetadata().getNamespace(), chart.getMetadata().getName());
    }

    public static ObjectKey key(HelmRepository repo) {
        return ObjectKey.of(HelmRepository.KIND, repo.getMetadata().getNamespace(), repo.getMetadata().getName());
    }
}
