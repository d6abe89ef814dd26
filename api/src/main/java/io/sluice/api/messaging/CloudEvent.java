package io.sluice.api.messaging;

import io.sluice.api.events.SluiceEvent;

import java.time.Instant;

/**
 * A CloudEvents 1.0 event carrying a Sluice event as its data: what a consumer gets from
 * {@link CloudEventCodec#decode}. The {@code specversion} is always 1.0 and the data content type always
 * {@code application/json}, so neither is a field.
 *
 * @param id      unique per event (a UUID); a redelivered record has the same id, so it can be used to dedupe
 * @param source  who produced it, e.g. {@code /sluice/webhook-gateway}
 * @param type    the event type, e.g. {@code io.sluice.git.pushed.v1}
 * @param subject what it is about; equals {@code data.subject()} and the record key
 * @param time    when it was produced
 * @param data    the event
 * @param <T>     the event's record class
 */
public record CloudEvent<T extends SluiceEvent>(String id, String source, String type, String subject, Instant time, T data) {

    public CloudEvent {
        if (id == null || id.isBlank() || source == null || source.isBlank() || time == null || data == null) {
            throw new IllegalArgumentException("a CloudEvent needs an id, a source, a time and data; got id=" + id + " source=" + source + " time=" + time);
        }
        if (!data.type().equals(type)) {
            throw new IllegalArgumentException("CloudEvent type '" + type + "' does not match its data, a " + data.getClass().getSimpleName() + " (" + data.type() + ")");
        }
        if (!data.subject().equals(subject)) {
            throw new IllegalArgumentException("CloudEvent subject '" + subject + "' does not match its data's subject '" + data.subject() + "'");
        }
    }

    /** Wraps an event, taking type and subject from it. */
    public static <T extends SluiceEvent> CloudEvent<T> of(String id, String source, Instant time, T data) {
        if (data == null) {
            throw new IllegalArgumentException("a CloudEvent needs data");
        }
        return new CloudEvent<>(id, source, data.type(), data.subject(), time, data);
    }
}
