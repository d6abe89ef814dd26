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
    private final String chart;

    public HelmRenderException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public HelmRenderException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    private HelmRenderException(Kind kind, String message, Throwable cause, String chart) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.chart = chart;
    }

    public Kind kind() {
        return kind;
    }

    /** The chart being rendered ({@code podinfo@6.5.4}) when it was loaded before the failure; null otherwise. */
    public String chart() {
        return chart;
    }

    /** The same failure, naming the chart it happened in (Flux's messages name it). */
    HelmRenderException forChart(String chartVersion) {
        return new HelmRenderException(kind, getMessage(), getCause() == null ? this : getCause(), chartVersion);
    }
}
