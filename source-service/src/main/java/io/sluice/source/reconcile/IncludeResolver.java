package io.sluice.source.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sluice.api.events.Digest;
import io.sluice.api.meta.Artifact;
import io.sluice.api.meta.ConditionTypes;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.meta.Reasons;
import io.sluice.api.source.GitRepository;
import io.sluice.api.source.GitRepositoryInclude;
import io.sluice.source.artifact.ArtifactDownloader;
import io.sluice.source.artifact.ArtifactStorage;
import io.sluice.source.artifact.IncludedArtifact;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a GitRepository's {@code spec.include} as Flux does: each included GitRepository (same namespace) must
 * exist (IncludeUnavailable, reason {@code NotFound}) and have an artifact ({@code NoArtifact}). Its artifact is
 * read from this replica's storage, or downloaded from its {@code status.artifact.url} (another replica's) and
 * checked against its digest. Downloaded files are temporary: {@link #deleteTemporary} removes them after the build.
 */
final class IncludeResolver {

    private static final Logger LOG = Logger.getLogger(IncludeResolver.class);

    private final KubernetesClient client;
    private final ArtifactStorage storage;
    private final ArtifactDownloader downloader;

    IncludeResolver(KubernetesClient client, ArtifactStorage storage, ArtifactDownloader downloader) {
        this.client = client;
        this.storage = storage;
        this.downloader = downloader;
    }

    List<IncludedArtifact> resolve(ObjectKey owner, List<GitRepositoryInclude> includes) throws ReconcileFailure {
        List<IncludedArtifact> resolved = new ArrayList<>();
        try {
            for (GitRepositoryInclude include : includes) {
                resolved.add(resolve(owner, include));
            }
            return resolved;
        } catch (ReconcileFailure failure) {
            deleteTemporary(resolved);
            throw failure;
        }
    }

    /** Deletes the artifacts downloaded for a build, once it is done. */
    static void deleteTemporary(List<IncludedArtifact> includes) {
        for (IncludedArtifact include : includes) {
            if (include.temporary()) {
                try {
                    Files.deleteIfExists(include.artifact());
                } catch (IOException e) {
                    LOG.debugf("could not delete %s: %s", include.artifact(), e.getMessage());
                }
            }
        }
    }

    private IncludedArtifact resolve(ObjectKey owner, GitRepositoryInclude include) throws ReconcileFailure {
        String name = include.getRepository() == null ? null : include.getRepository().getName();
        if (name == null || name.isBlank()) {
            throw new ReconcileFailure(ConditionTypes.INCLUDE_UNAVAILABLE, Reasons.INCLUDE_NOT_FOUND,
                    "spec.include has an entry without repository.name");
        }
        Optional<GitRepository> included = Optional.ofNullable(
                client.resources(GitRepository.class).inNamespace(owner.namespace()).withName(name).get());
        if (included.isEmpty()) {
            throw new ReconcileFailure(ConditionTypes.INCLUDE_UNAVAILABLE, Reasons.INCLUDE_NOT_FOUND,
                    "could not get resource for include '" + name + "': GitRepository " + owner.namespace() + "/" + name + " not found");
        }
        Artifact artifact = included.get().getStatus() == null ? null : included.get().getStatus().getArtifact();
        if (artifact == null || artifact.getPath() == null || artifact.getDigest() == null) {
            throw new ReconcileFailure(ConditionTypes.INCLUDE_UNAVAILABLE, Reasons.NO_ARTIFACT, "no artifact available for include '" + name + "'");
        }
        return localOrDownloaded(owner, name, artifact, include);
    }

    /** The included artifact from this replica's storage, or downloaded from its URL (another replica's) and checked. */
    private IncludedArtifact localOrDownloaded(ObjectKey owner, String name, Artifact artifact, GitRepositoryInclude include)
            throws ReconcileFailure {
        try {
            Optional<Path> local = storage.find(artifact.getPath());
            if (local.isPresent()) {
                return new IncludedArtifact(name, local.get(), include.getFromPath(), include.getToPath());
            }
            Path temp = storage.newTempFile(owner);
            downloader.download(URI.create(artifact.getUrl()), Digest.parse(artifact.getDigest()), temp);
            return new IncludedArtifact(name, temp, include.getFromPath(), include.getToPath(), true);
        } catch (IOException | IllegalArgumentException e) {
            throw new ReconcileFailure(ConditionTypes.INCLUDE_UNAVAILABLE, Reasons.NO_ARTIFACT,
                    "artifact of include '" + name + "' could not be read: " + e.getMessage(), e);
        }
    }
}
