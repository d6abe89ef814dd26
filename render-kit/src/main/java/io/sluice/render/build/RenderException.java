package io.sluice.render.build;

import io.sluice.api.meta.Reasons;

import java.util.Objects;

/**
 * Why a Kustomization could not be rendered. The reason is what goes into its Ready=False condition, with the
 * names kustomize-controller uses: {@code ArtifactFailed} when the artifact could not be downloaded, verified or
 * unpacked or {@code spec.path} is not in it; {@code BuildFailed} for everything after that (bad YAML, unknown
 * kustomize field, missing variable, bad override). The message names the file or field and the cause.
 */
public class RenderException extends RuntimeException {

    /** The condition reasons a render failure can carry. */
    public enum Reason {
        ARTIFACT_FAILED(Reasons.ARTIFACT_FAILED),
        BUILD_FAILED(Reasons.BUILD_FAILED);

        private final String conditionReason;

        Reason(String conditionReason) {
            this.conditionReason = conditionReason;
        }

        /** The value for {@code status.conditions[type=Ready].reason}. */
        public String conditionReason() {
            return conditionReason;
        }
    }

    private final Reason reason;

    public RenderException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RenderException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public static RenderException artifact(String message) {
        return new RenderException(Reason.ARTIFACT_FAILED, message);
    }

    public static RenderException artifact(String message, Throwable cause) {
        return new RenderException(Reason.ARTIFACT_FAILED, message, cause);
    }

    public static RenderException build(String message) {
        return new RenderException(Reason.BUILD_FAILED, message);
    }

    public static RenderException build(String message, Throwable cause) {
        return new RenderException(Reason.BUILD_FAILED, message, cause);
    }

    public Reason reason() {
        return reason;
    }

    /** Shortcut for {@code reason().conditionReason()}. */
    public String conditionReason() {
        return reason.conditionReason();
    }
}
