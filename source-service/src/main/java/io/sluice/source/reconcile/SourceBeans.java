package io.sluice.source.reconcile;

import io.sluice.source.artifact.ArtifactStorage;
import io.sluice.source.config.SourceConfig;
import io.sluice.source.git.GitFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** The plain (framework-free) parts of source-service, made beans with their configuration. */
@ApplicationScoped
public class SourceBeans {

    @Produces
    @ApplicationScoped
    ArtifactStorage artifactStorage(SourceConfig config) {
        return new ArtifactStorage(config.storage().path(), config.storage().retention());
    }

    @Produces
    @ApplicationScoped
    GitFetcher gitFetcher(SourceConfig config) {
        return new GitFetcher(config.git().cachePath().toAbsolutePath());
    }

    void closeFetcher(@Disposes GitFetcher fetcher) {
        fetcher.close();
    }
}
