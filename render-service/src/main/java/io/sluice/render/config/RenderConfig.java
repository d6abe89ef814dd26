package io.sluice.render.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * render-service's own settings ({@code sluice.render.*} in application.properties; docs/render-service.md lists
 * them); every key has a default. Durations take Quarkus' forms: {@code 30s}, {@code 10m} or ISO-8601 {@code PT30S}.
 */
@ConfigMapping(prefix = "sluice.render")
public interface RenderConfig {

    /**
     * {@code sluice.render.strict-substitution}: fail a render when a variable without a default is unset (Flux's
     * {@code StrictPostBuildSubstitutions} feature gate, on by default since kustomize-controller v1.9). {@code false}
     * substitutes the empty string.
     */
    @WithDefault("true")
    boolean strictSubstitution();

    /**
     * {@code sluice.render.inline-limit-bytes}: above this many gzip bytes the manifests go to the store and the event
     * carries a claim check.
     */
    @WithDefault("524288")
    int inlineLimitBytes();

    /** {@code sluice.render.store-dir}: folder of the claim-check store. */
    @WithDefault("${java.io.tmpdir}/sluice-render-manifests")
    String storeDir();

    /** {@code sluice.render.store-url}: absolute URL the store folder is served at, ending with '/'. */
    @WithDefault("http://localhost:${quarkus.http.port:8083}/manifests/")
    String storeUrl();

    /** {@code sluice.render.artifact-max-download-bytes}: largest artifact download accepted. */
    @WithDefault("104857600")
    long artifactMaxDownloadBytes();

    /** {@code sluice.render.artifact-max-unpacked-bytes}: largest unpacked artifact accepted. */
    @WithDefault("1073741824")
    long artifactMaxUnpackedBytes();

    /** {@code sluice.render.artifact-max-entries}: most entries (files and folders) in an artifact. */
    @WithDefault("100000")
    int artifactMaxEntries();

    /** {@code sluice.render.artifact-timeout}: HTTP timeout of an artifact download. */
    @WithDefault("60s")
    Duration artifactTimeout();

    /**
     * {@code sluice.render.workers}: how many Kustomizations are rendered at the same time (each one by one thread at
     * a time).
     */
    @WithDefault("4")
    int workers();

    /**
     * {@code sluice.render.requeue-dependency}: how long to wait before trying again when the source exists but has
     * no artifact yet (Flux's {@code --requeue-dependency} flag of kustomize-controller, 30s by default).
     */
    @WithDefault("30s")
    Duration requeueDependency();

    /**
     * {@code sluice.render.default-interval}: render interval used when a Kustomization's {@code spec.interval} is
     * missing or not a duration (Flux requires it).
     */
    @WithDefault("10m")
    Duration defaultInterval();
}
