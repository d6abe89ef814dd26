package io.sluice.render.helm;

import java.util.Objects;

/**
 * Why a HelmRelease could not be rendered. The {@link Kind} decides the Ready=False reason, as helm-controller
 * reports the same failures: the chart artifact ({@code ArtifactFailed}), the values ({@code ValuesError}), or the
 * chart itself (a template error, values refused by {@code values.schema.json}, a post-renderer that does not apply),
 * which Flux reports as the failed Helm action ({@code InstallFailed} or {@code UpgradeFailed}).
 */
public final class HelmRenderException extends RuntimeException {

    /** The closed set of render failures. */
    public enum Kind {
        /** The chart artifact is missing, unreadable or not a chart. */
        ARTIFACT,
        /** {@code spec.values}/{@code spec.valuesFrom} could not be composed. */
        VALUES,
        /** Helm could not render the chart with these values, or a post-renderer failed. */
        CHART
    }

    private final Kind kind;

    public HelmRenderException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public HelmRenderException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
