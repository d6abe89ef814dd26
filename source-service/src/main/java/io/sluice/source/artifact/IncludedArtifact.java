package io.sluice.source.artifact;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One {@code spec.include} entry resolved to a stored artifact: copy the files under {@code fromPath} of
 * {@code artifact} into {@code toPath} of the artifact being built.
 *
 * @param name      the included GitRepository's name, for messages
 * @param artifact  the included repository's tar.gz in storage
 * @param fromPath  folder inside the included artifact; empty or null for all of it
 * @param toPath    folder inside the new artifact; Flux's default is the included repository's name
 * @param temporary the artifact file was downloaded for this build and is deleted after it
 */
public record IncludedArtifact(String name, Path artifact, String fromPath, String toPath, boolean temporary) {

    public IncludedArtifact(String name, Path artifact, String fromPath, String toPath) {
        this(name, artifact, fromPath, toPath, false);
    }

    public IncludedArtifact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(artifact, "artifact");
        fromPath = ArtifactPaths.folder(fromPath, "spec.include fromPath of '" + name + "'");
        toPath = ArtifactPaths.folder(toPath == null || toPath.isBlank() ? name : toPath, "spec.include toPath of '" + name + "'");
    }
}
