package io.sluice.source.artifact;

import java.util.Optional;

/**
 * What kind of file an artifact is: its file-name extension in storage and the media type it is served with. The
 * file name is always {@code <sha256 hex><extension>}.
 */
public enum ArtifactFormat {

    /** A tar.gz of source files: GitRepository, OCIRepository with {@code layerSelector.operation: extract}. */
    TAR_GZ(".tar.gz", "application/gzip"),
    /**
     * A Helm chart package (a tar.gz with one top folder named after the chart), or an OCI layer copied as it is
     * ({@code operation: copy}): HelmChart, OCIRepository.
     */
    TGZ(".tgz", "application/gzip"),
    /** A Helm repository index, written as JSON as Flux does: HelmRepository. */
    JSON(".json", "application/json");

    private final String extension;
    private final String mediaType;

    ArtifactFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a stored artifact's file name ({@code <hex>.tgz}, ...), if it has one of the extensions. */
    public static Optional<ArtifactFormat> ofFileName(String fileName) {
        for (ArtifactFormat format : values()) {
            if (fileName.endsWith(format.extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
