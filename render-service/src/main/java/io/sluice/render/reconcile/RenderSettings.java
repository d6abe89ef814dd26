package io.sluice.render.reconcile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** render-service's own settings ({@code sluice.render.*}); every key has a default. */
@ConfigMapping(prefix = "sluice.render")
public interface RenderSettings {

    /**
     * Fail a render when a variable without a default is unset (Flux's {@code StrictPostBuildSubstitutions}
     * feature gate, on by default since kustomize-controller v1.9). {@code false} substitutes the empty string.
     */
    @WithDefault("true")
    boolean strictSubstitution();

    /** Above this many gzip bytes the manifests go to the store and the event carries a claim check. */
    @WithDefault("524288")
    int inlineLimitBytes();

    /** Folder of the claim-check store. */
    @WithDefault("${java.io.tmpdir}/sluice-render-manifests")
    String storeDir();

    /** Absolute URL the store folder is served at, ending with '/'. */
    @WithDefault("http://localhost:${quarkus.http.port:8083}/manifests/")
    String storeUrl();

    /** Largest artifact download accepted. */
    @WithDefault("104857600")
    long artifactMaxDownloadBytes();

    /** Largest unpacked artifact accepted. */
    @WithDefault("1073741824")
    long artifactMaxUnpackedBytes();

    /** Most entries in an artifact. */
    @WithDefault("100000")
    int artifactMaxEntries();

    /** HTTP timeout of an artifact download. */
    @WithDefault("60s")
    Duration artifactTimeout();

    /** How many Kustomizations are rendered at the same time (each one is rendered by one thread at a time). */
    @WithDefault("4")
    int workers();

    /**
     * How long to wait before trying again when the source exists but has no artifact yet (Flux's
     * {@code --requeue-dependency} flag of kustomize-controller, 30s by default).
     */
    @WithDefault("30s")
    Duration requeueDependency();

    /** Render interval used when a Kustomization's {@code spec.interval} is missing or not a duration (Flux requires it). */
    @WithDefault("10m")
    Duration defaultInterval();
}
