package io.sluice.source.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** {@code sluice.source.*}: where artifacts and clones live, how artifacts are advertised, how reconciling runs. */
@ConfigMapping(prefix = "sluice.source")
public interface SourceConfig {

    /** Where artifacts are kept and how they are advertised. */
    Storage storage();

    /** The local clones. */
    Git git();

    /** How reconciliations run. */
    Reconcile reconcile();

    interface Storage {
        /** {@code sluice.source.storage.path}: the artifact folder (Flux's {@code --storage-path}). */
        @WithDefault("data/artifacts")
        Path path();

        /**
         * {@code sluice.source.storage.advertised-url}: the base URL other services download artifacts from
         * (Flux's {@code --storage-adv-addr}); default {@code http://localhost:<the HTTP port>}.
         */
        @WithName("advertised-url")
        Optional<String> advertisedUrl();

        /** {@code sluice.source.storage.retention}: artifacts kept per object, the current one included (Flux's {@code --artifact-retention-records}). */
        @WithDefault("2")
        int retention();
    }

    interface Git {
        /** {@code sluice.source.git.cache-path}: the folder of the local clones, one per GitRepository. */
        @WithName("cache-path")
        @WithDefault("data/git")
        Path cachePath();
    }

    interface Reconcile {
        /** {@code sluice.source.reconcile.workers}: how many objects are reconciled at the same time. */
        @WithDefault("4")
        int workers();

        /** {@code sluice.source.reconcile.retry-min}: first retry delay after a failure; doubles up to the object's interval. */
        @WithName("retry-min")
        @WithDefault("1s")
        Duration retryMin();

        /** {@code sluice.source.reconcile.default-interval}: used when {@code spec.interval} is missing (Flux requires it). */
        @WithName("default-interval")
        @WithDefault("1m")
        Duration defaultInterval();
    }
}
