package io.sluice.cli.e2e;

import io.sluice.api.events.SluiceEvent;
import java.time.Instant;

/**
 * One event read back from a Sluice topic.
 *
 * @param topic      the topic it was on, e.g. {@code sluice.apply.result}
 * @param key        the record key (the subject)
 * @param source     {@code ce_source}, e.g. {@code /sluice/apply-service}
 * @param time       {@code ce_time}: when the producing service created the event
 * @param appendedAt the record's timestamp (producer create time, or broker append time)
 * @param seenAt     when this test's consumer got it
 * @param event      the decoded event
 */
record RecordedEvent(String topic, String key, String source, Instant time, Instant appendedAt, Instant seenAt,
                     SluiceEvent event) {

    <T extends SluiceEvent> boolean is(Class<T> type) {
        return type.isInstance(event);
    }

    <T extends SluiceEvent> T as(Class<T> type) {
        return type.cast(event);
    }

    @Override
    public String toString() {
        return topic + " " + time + " from " + source + ": " + event;
    }
}
