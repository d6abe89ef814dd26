package io.sluice.api.messaging;

import java.util.Locale;

/** Kafka's {@code cleanup.policy} for a topic. */
public enum CleanupPolicy {
    /** Old records are deleted after the retention time: a stream of things that happened. */
    DELETE,
    /** Only the latest record per key is kept: the current state of every object, for late joiners. */
    COMPACT;

    /** The value Kafka's {@code cleanup.policy} setting uses. */
    public String kafkaValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
