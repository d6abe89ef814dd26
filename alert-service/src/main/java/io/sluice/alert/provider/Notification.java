package io.sluice.alert.provider;

import io.sluice.api.events.ObjectEvent;
import io.sluice.api.events.Severity;
import io.sluice.api.meta.ObjectKey;
import io.sluice.api.notification.Alert;
import io.sluice.api.notification.AlertSpec;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one Alert sends through its Provider for one event: the event, the Alert's
 * {@code eventMetadata} and {@code summary}, and a link to the commit when the source is on
 * GitHub or GitLab.
 *
 * @param object              the involved object
 * @param severity            info or error
 * @param reason              Flux reason, e.g. {@code ReconciliationFailed}
 * @param message             the event's message
 * @param revision            Flux revision ({@code main@sha1:<hex>}); null when the event has none
 * @param metadata            event metadata plus the Alert's {@code eventMetadata} (the event's own keys
 *                            win, as in Flux), sorted by key; never contains {@code summary}
 * @param summary             the Alert's summary ({@code eventMetadata.summary}, else the deprecated
 *                            {@code spec.summary}, else the event's); null when none
 * @param commitUrl           e.g. {@code https://github.com/org/repo/commit/<sha>}; null when unknown
 * @param timestamp           when it happened
 * @param reportingController the service that reported it
 */
public record Notification(ObjectKey object, Severity severity, String reason, String message, String revision,
                           Map<String, String> metadata, String summary, String commitUrl, Instant timestamp,
                           String reportingController) {

    public static final String SUMMARY = "summary";
    /** Event metadata key of a ready-made commit link (optional). */
    public static final String COMMIT_URL = "commit_url";

    public Notification {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(timestamp, "timestamp");
        // sorted, so every provider lists metadata in the same order
        metadata = metadata == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
    }

    /**
     * The notification an Alert sends for an event.
     *
     * @param sourceUrl the URL of the source the revision comes from (the GitRepository's
     *                  {@code spec.url}), used for the commit link; null when unknown
     */
    public static Notification of(ObjectEvent event, Alert alert, String sourceUrl) {
        AlertSpec spec = alert.getSpec() == null ? new AlertSpec() : alert.getSpec();
        Map<String, String> merged = new TreeMap<>();
        if (spec.getEventMetadata() != null) {
            merged.putAll(spec.getEventMetadata());
        }
        merged.putAll(event.metadata());
        String summary = firstText(
                spec.getEventMetadata() == null ? null : spec.getEventMetadata().get(SUMMARY),
                spec.getSummary(),
                event.metadata().get(SUMMARY));
        merged.remove(SUMMARY);
        // a commit link the reporting service already knew wins over the one worked out from the source URL
        String commitUrl = firstText(merged.remove(COMMIT_URL), CommitLinks.of(sourceUrl, event.revision()).orElse(null));
        return new Notification(event.involvedObject(), event.severity(), event.reason(), event.message(),
                event.revision(), merged, summary, commitUrl,
                event.timestamp(), event.reportingController());
    }

    /** A copy with other metadata (e.g. a "recovered" marker). */
    public Notification withMetadata(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(metadata);
        all.putAll(extra);
        return new Notification(object, severity, reason, message, revision, all, summary, commitUrl, timestamp,
                reportingController);
    }

    private static String firstText(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
