package io.sluice.render.reconcile;

import io.sluice.render.artifact.ArtifactFetcher;
import io.sluice.render.artifact.ArtifactLimits;
import io.sluice.render.config.RenderConfig;
import io.sluice.render.store.FileManifestStore;
import io.sluice.render.store.ManifestPacker;

import java.net.URI;
import java.nio.file.Path;

/**
 * What both render handlers (Kustomizations, HelmReleases) take from the settings: the artifact limits, the
 * downloader, and the packer that puts a rendering inline or behind a claim check in the store.
 */
record RenderTools(ArtifactLimits limits, ArtifactFetcher fetcher, ManifestPacker packer) {

    static RenderTools from(RenderConfig settings) {
        ArtifactLimits limits = new ArtifactLimits(settings.artifactMaxDownloadBytes(), settings.artifactMaxUnpackedBytes(),
                settings.artifactMaxEntries(), settings.artifactTimeout());
        ManifestPacker packer = new ManifestPacker(new FileManifestStore(Path.of(settings.storeDir()), URI.create(settings.storeUrl())),
                settings.inlineLimitBytes());
        return new RenderTools(limits, new ArtifactFetcher(limits), packer);
    }
}
