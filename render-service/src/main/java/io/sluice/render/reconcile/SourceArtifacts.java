package io.sluice.render.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.ArtifactReady;
import io.sluice.api.events.Digest;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.CrossNamespaceSourceReference;
import io.sluice.api.meta.FluxDuration;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepository;

import java.net.URI;
import java.time.Duration;

/**
 * Finds the artifact a Kustomization renders when no {@code ArtifactReady} started the render (it was created or
 * edited, its interval elapsed, a reconcile was requested): the {@code status.artifact} of its {@code spec.sourceRef}
 * in the cluster, as kustomize-controller reads it. The source is read from the API server, not from a cache, so
 * the newest artifact source-service recorded is the one used.
 *
 * <p>When there is nothing to render yet the answer says why, in Flux's words, and when to look again: a missing
 * source after {@code spec.retryInterval}; a source without an artifact after the dependency requeue interval
 * ({@code sluice.render.requeue-dependency}, Flux's {@code --requeue-dependency}).
 */
public final class SourceArtifacts {

    /** What the cluster says about a Kustomization's source. */
    public sealed interface Lookup {
    }

    /** The source's current artifact, as an {@code ArtifactReady} without a push time. */
    public record Found(ArtifactReady artifact) implements Lookup {
    }

    /** Nothing to render yet: Ready=False, {@code ArtifactFailed}, this message; look again after {@code retryAfter}. */
    public record Unavailable(String message, Duration retryAfter) implements Lookup {
    }

    private final KubernetesClient client;

    public SourceArtifacts(KubernetesClient client) {
        this.client = client;
    }

    /**
     * @param retryInterval     the Kustomization's retry interval (a missing source is looked for again after it)
     * @param requeueDependency how long to wait for a source that has no artifact yet
     */
    public Lookup find(Kustomization ks, Duration retryInterval, Duration requeueDependency) {
        String where = "Kustomization " + ks.getMetadata().getNamespace() + "/" + ks.getMetadata().getName();
        CrossNamespaceSourceReference ref = ks.getSpec() == null ? null : ks.getSpec().getSourceRef();
        if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
            return new Unavailable(where + " has no spec.sourceRef; set it to the GitRepository whose artifact it renders"
                    + ", retrying in " + FluxDuration.format(retryInterval), retryInterval);
        }
        String namespace = ref.getNamespace() == null || ref.getNamespace().isBlank() ? ks.getMetadata().getNamespace() : ref.getNamespace();
        String named = ref.getKind() + "/" + namespace + "/" + ref.getName();
        if (!GitRepository.KIND.equals(ref.getKind())) {
            return new Unavailable("source '" + named + "' of " + where + ": kind '" + ref.getKind()
                    + "' is not supported; Sluice renders from GitRepository sources (set spec.sourceRef.kind: GitRepository)"
                    + ", retrying in " + FluxDuration.format(retryInterval), retryInterval);
        }
        GitRepository repo = client.resources(GitRepository.class).inNamespace(namespace).withName(ref.getName()).get();
        if (repo == null) {
            return new Unavailable("Source '" + named + "' not found, retrying in " + FluxDuration.format(retryInterval), retryInterval);
        }
        Artifact artifact = repo.getStatus() == null ? null : repo.getStatus().getArtifact();
        if (artifact == null) {
            return new Unavailable("Source artifact not found, retrying in " + FluxDuration.format(requeueDependency), requeueDependency);
        }
        try {
            return new Found(toArtifactReady(ObjectKey.of(GitRepository.KIND, namespace, ref.getName()), artifact));
        } catch (IllegalArgumentException e) {
            return new Unavailable("Source '" + named + "' has an unusable status.artifact (" + e.getMessage()
                    + "), retrying in " + FluxDuration.format(requeueDependency), requeueDependency);
        }
    }

    /** The artifact a source recorded, as the {@code ArtifactReady} it would have published (no push time). */
    static ArtifactReady toArtifactReady(ObjectKey source, Artifact artifact) {
        if (artifact.getUrl() == null || artifact.getUrl().isBlank()) {
            throw new IllegalArgumentException("it has no url");
        }
        URI url = URI.create(artifact.getUrl());
        Digest digest = Digest.parse(artifact.getDigest());
        long size = artifact.getSize() == null ? 0 : artifact.getSize();
        return new ArtifactReady(source, artifact.getRevision(), url, digest, size, null);
    }
}
