package io.sluice.image.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.nio.file.Path;
import java.time.Duration;

/** {@code sluice.image.*}: where scanned tags and automation clones live, how registries are read, how reconciling runs. */
@ConfigMapping(prefix = "sluice.image")
public interface ImageConfig {

    Storage storage();

    Registry registry();

    Reconcile reconcile();

    Automation automation();

    interface Storage {
        /**
         * {@code sluice.image.storage.path}: the folder of the scanned tag lists, one file per ImageRepository (Flux
         * keeps them in its badger database). Policies are evaluated from these files, so a policy change needs no
         * new scan.
         */
        @WithDefault("data/images")
        Path path();
    }

    interface Registry {
        /** {@code sluice.image.registry.page-size}: the {@code n} asked for per tags/list page (registries may cap it lower). */
        @WithName("page-size")
        @WithDefault("1000")
        int pageSize();
    }

    interface Reconcile {
        /** {@code sluice.image.reconcile.workers}: how many objects are reconciled at the same time. */
        @WithDefault("4")
        int workers();

        /** {@code sluice.image.reconcile.retry-min}: first retry delay after a failure; doubles up to the object's interval. */
        @WithName("retry-min")
        @WithDefault("1s")
        Duration retryMin();

        /** {@code sluice.image.reconcile.default-interval}: used when {@code spec.interval} is missing (Flux requires it). */
        @WithName("default-interval")
        @WithDefault("5m")
        Duration defaultInterval();
    }

    interface Automation {
        /** {@code sluice.image.automation.work-path}: the folder of the local clones ImageUpdateAutomations commit in. */
        @WithName("work-path")
        @WithDefault("data/automation")
        Path workPath();
    }
}
