package io.sluice.api.messaging;

import java.time.Duration;
import java.util.Optional;

/**
 * The topics Sluice uses, defined once (the table in ARCHITECTURE.md and docs/events.md). A topic's full
 * name is a configurable prefix ({@code sluice.} by default) plus its {@link #suffix()}; see
 * {@link TopicsConfig}. Every topic has a dead-letter topic, {@code <name>.dlq}, for records a consumer
 * could not process.
 */
public enum Topic {
    /** Git push webhooks: gateway → source-service. Key: normalized repository URL. */
    GIT_PUSH("git.push", CleanupPolicy.DELETE, Duration.ofDays(7)),
    /** Registry push webhooks: gateway → image-watcher. Key: image repository. */
    IMAGE_PUSH("image.push", CleanupPolicy.DELETE, Duration.ofDays(7)),
    /** Source artifacts: source-service → render-service, image-watcher. Key: source object. */
    SOURCE_ARTIFACT("source.artifact", CleanupPolicy.COMPACT, null),
    /** Rendered manifests: render-service → apply-service. Key: app object. */
    RENDER_MANIFESTS("render.manifests", CleanupPolicy.COMPACT, null),
    /** Apply results: apply-service → alert-service, dashboards. Key: app object. */
    APPLY_RESULT("apply.result", CleanupPolicy.DELETE, Duration.ofDays(7)),
    /** Latest image per ImagePolicy: image-watcher → image-watcher (automation), alert-service. Key: policy. */
    IMAGE_POLICY("image.policy", CleanupPolicy.COMPACT, null),
    /** Flux-style object events: every service → alert-service. Key: involved object. */
    EVENTS("events", CleanupPolicy.DELETE, Duration.ofDays(7)),
    /** Reconcile-now requests: CLI, gateway, dashboards → the service owning the object. Key: object. */
    RECONCILE_REQUESTS("reconcile.requests", CleanupPolicy.DELETE, Duration.ofDays(1));

    /** Appended to a topic's name to name its dead-letter topic. */
    public static final String DLQ_SUFFIX = ".dlq";
    /** Dead-letter topics keep records long enough for someone to look at them after a long weekend. */
    public static final Duration DLQ_RETENTION = Duration.ofDays(14);
    /** Partitions per topic unless configured: enough for six consumers of a group to share the work. */
    public static final int DEFAULT_PARTITIONS = 6;

    private final String suffix;
    private final CleanupPolicy cleanupPolicy;
    private final Duration retention;

    Topic(String suffix, CleanupPolicy cleanupPolicy, Duration retention) {
        this.suffix = suffix;
        this.cleanupPolicy = cleanupPolicy;
        this.retention = retention;
    }

    /** The name without the prefix, e.g. {@code git.push}; also the topic's part in config keys. */
    public String suffix() {
        return suffix;
    }

    public CleanupPolicy cleanupPolicy() {
        return cleanupPolicy;
    }

    /** The default retention of a {@link CleanupPolicy#DELETE delete} topic; empty for compacted topics. */
    public Optional<Duration> defaultRetention() {
        return Optional.ofNullable(retention);
    }

    /** Looks a suffix such as {@code git.push} up. */
    public static Optional<Topic> fromSuffix(String suffix) {
        for (Topic topic : values()) {
            if (topic.suffix.equals(suffix)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
