package io.sluice.render.testing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.kustomize.KustomizationSpec;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.Conditions;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositorySpec;
import io.sluice.api.source.GitRepositoryStatus;

import java.util.function.Consumer;

/** Kustomizations and GitRepositories in a (sandbox) cluster, as a user and source-service would write them. */
public final class FluxObjects {

    private FluxObjects() {
    }

    public static ObjectKey kustomizationKey(String namespace, String name) {
        return ObjectKey.of(Kustomization.KIND, namespace, name);
    }

    /**
     * Creates a Kustomization rendering {@code path} of GitRepository {@code source} (same namespace), interval 10m;
     * {@code customize} changes the spec before it is created.
     */
    public static Kustomization createKustomization(KubernetesClient client, String namespace, String name, String source,
                                                    String path, Consumer<KustomizationSpec> customize) {
        CrossNamespaceSourceReference ref = new CrossNamespaceSourceReference();
        ref.setKind(GitRepository.KIND);
        ref.setName(source);
        KustomizationSpec spec = new KustomizationSpec();
        spec.setSourceRef(ref);
        spec.setPath(path);
        spec.setInterval("10m");
        spec.setPrune(true);
        customize.accept(spec);
        Kustomization ks = new Kustomization();
        ks.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        ks.setSpec(spec);
        return client.resources(Kustomization.class).inNamespace(namespace).resource(ks).create();
    }

    public static Kustomization editKustomization(KubernetesClient client, String namespace, String name,
                                                  Consumer<Kustomization> edit) {
        return client.resources(Kustomization.class).inNamespace(namespace).withName(name).edit(ks -> {
            edit.accept(ks);
            return ks;
        });
    }

    public static Kustomization getKustomization(KubernetesClient client, String namespace, String name) {
        return client.resources(Kustomization.class).inNamespace(namespace).withName(name).get();
    }

    /** The Ready condition as "False ArtifactFailed: message", or null when there is none. */
    public static String readyReasonAndMessage(KubernetesClient client, String namespace, String name) {
        Kustomization ks = getKustomization(client, namespace, name);
        if (ks == null || ks.getStatus() == null) {
            return null;
        }
        return Conditions.get(ks.getStatus(), "Ready").map(c -> c.getStatus() + " " + c.getReason() + ": " + c.getMessage()).orElse(null);
    }

    /** Creates a GitRepository; with an artifact, writes it to {@code status.artifact} as source-service does. */
    public static GitRepository createGitRepository(KubernetesClient client, String namespace, String name, ArtifactReady artifact) {
        GitRepositorySpec spec = new GitRepositorySpec();
        spec.setUrl("https://git.example.com/" + name + ".git");
        spec.setInterval("1h");
        GitRepository repo = new GitRepository();
        repo.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        repo.setSpec(spec);
        GitRepository created = client.resources(GitRepository.class).inNamespace(namespace).resource(repo).create();
        return artifact == null ? created : setArtifact(client, namespace, name, artifact);
    }

    /** Writes {@code status.artifact} of an existing GitRepository (a new artifact, as source-service records it). */
    public static GitRepository setArtifact(KubernetesClient client, String namespace, String name, ArtifactReady artifact) {
        GitRepository repo = client.resources(GitRepository.class).inNamespace(namespace).withName(name).get();
        Artifact a = new Artifact();
        a.setPath("gitrepository/" + namespace + "/" + name + "/" + artifact.digest().hex() + ".tar.gz");
        a.setUrl(artifact.url().toString());
        a.setRevision(artifact.revision());
        a.setDigest(artifact.digest().toString());
        a.setSize(artifact.size());
        a.setLastUpdateTime("2026-11-28T00:00:00Z");
        GitRepositoryStatus status = repo.getStatus() == null ? new GitRepositoryStatus() : repo.getStatus();
        status.setArtifact(a);
        repo.setStatus(status);
        return client.resources(GitRepository.class).inNamespace(namespace).resource(repo).updateStatus();
    }
}
