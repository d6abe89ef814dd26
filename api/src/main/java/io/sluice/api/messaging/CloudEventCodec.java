package io.sluice.api.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.sluice.api.events.EventJson;
import io.sluice.api.events.EventType;
import io.sluice.api.events.SluiceEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns {@link SluiceEvent}s into Kafka records and back, as CloudEvents 1.0 in binary content mode (the
 * CloudEvents Kafka protocol binding):
 * <ul>
 *   <li>record key: the event's {@link SluiceEvent#subject() subject}, so events about one object stay in order;</li>
 *   <li>headers ({@link CloudEventHeaders}): {@code ce_specversion=1.0}, {@code ce_id} (a UUID), {@code ce_source}
 *       ({@code /sluice/<service>}), {@code ce_type} ({@code io.sluice.git.pushed.v1}, …), {@code ce_subject},
 *       {@code ce_time} (RFC 3339, UTC), {@code content-type=application/json};</li>
 *   <li>value: the event as JSON ({@link EventJson}).</li>
 * </ul>
 * Decoding checks all of that and throws {@link CloudEventDecodingException} saying which record is wrong and
 * how. Thread-safe.
 */
public final class CloudEventCodec {

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private final TopicsConfig topics;
    private final String source;
    private final Clock clock;

    /**
     * @param topics topic names, to address records
     * @param source the CloudEvents {@code source} of events this codec encodes; use {@link #sourceFor(String)}
     */
    public CloudEventCodec(TopicsConfig topics, String source) {
        this(topics, source, Clock.systemUTC());
    }

    public CloudEventCodec(TopicsConfig topics, String source, Clock clock) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a CloudEvents source is required, e.g. /sluice/webhook-gateway");
        }
        this.topics = topics;
        this.source = source;
        this.clock = clock;
    }

    /** The CloudEvents {@code source} of a Sluice service: {@code /sluice/<service>}. */
    public static String sourceFor(String serviceName) {
        if (serviceName == null || !SERVICE_NAME.matcher(serviceName).matches()) {
            throw new IllegalArgumentException("service name '" + serviceName
                    + "' must be lower-case letters, digits and dashes, like webhook-gateway (set sluice.service.name)");
        }
        return "/sluice/" + serviceName;
    }

    /** The source this codec writes. */
    public String source() {
        return source;
    }

    /** Wraps an event in a new CloudEvent: fresh UUID id, this codec's source, the current time. */
    public <T extends SluiceEvent> CloudEvent<T> wrap(T event) {
        return CloudEvent.of(UUID.randomUUID().toString(), source, clock.instant(), event);
    }

    /** Encodes an event as a new CloudEvent addressed to its topic. */
    public ProducerRecord<String, byte[]> encode(SluiceEvent event) {
        return encode(wrap(event));
    }

    /** Encodes a CloudEvent as it is (its id, source and time are kept), addressed to its data's topic. */
    public ProducerRecord<String, byte[]> encode(CloudEvent<?> event) {
        Headers headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, event.id());
        header(headers, CloudEventHeaders.SOURCE, event.source());
        header(headers, CloudEventHeaders.TYPE, event.type());
        header(headers, CloudEventHeaders.SUBJECT, event.subject());
        header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.time()));
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        String topic = topics.name(event.data().topic());
        return new ProducerRecord<>(topic, null, event.subject(), json(event.data()), headers);
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] json(SluiceEvent data) {
        try {
            return EventJson.writer().writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            // The records are plain data; failing here is a bug in an event record, not bad input.
            throw new IllegalStateException("cannot write " + data.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Decodes a consumed record into whichever event its {@code ce_type} names. */
    public CloudEvent<SluiceEvent> decode(ConsumerRecord<String, byte[]> record) {
        return decode(record, SluiceEvent.class);
    }

    /**
     * Decodes a consumed record that must carry one kind of event.
     *
     * @throws CloudEventDecodingException when the record is not a valid Sluice CloudEvent, or carries another type
     */
    public <T extends SluiceEvent> CloudEvent<T> decode(ConsumerRecord<String, byte[]> record, Class<T> expected) {
        String where = "record at " + record.topic() + " partition " + record.partition() + " offset " + record.offset();
        return decode(where, record.key(), record.headers(), record.value(), expected);
    }

    /**
     * Decodes headers and value received some other way (e.g. from SmallRye's incoming metadata).
     *
     * @param where a description of the record for error messages, e.g. "record at sluice.git.push partition 1 offset 7"
     * @param key   the record key; when not null it must equal {@code ce_subject}
     */
    public <T extends SluiceEvent> CloudEvent<T> decode(String where, String key, Headers headers, byte[] value, Class<T> expected) {
        if (headers == null) {
            throw new CloudEventDecodingException(where + " has no headers; Sluice events are CloudEvents in binary mode (ce_* headers)");
        }
        checkContentType(where, headers);
        String specVersion = required(where, headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new CloudEventDecodingException(where + " has " + CloudEventHeaders.SPEC_VERSION + "='" + specVersion + "'; Sluice reads CloudEvents 1.0 only");
        }
        String id = required(where, headers, CloudEventHeaders.ID);
        String source = required(where, headers, CloudEventHeaders.SOURCE);
        String type = required(where, headers, CloudEventHeaders.TYPE);
        String subject = required(where, headers, CloudEventHeaders.SUBJECT);
        Instant time = time(where, required(where, headers, CloudEventHeaders.TIME));

        EventType eventType = EventType.fromCeType(type).orElseThrow(() -> new CloudEventDecodingException(where + " has unknown "
                + CloudEventHeaders.TYPE + " '" + type + "'; known types: " + knownTypes()));
        if (!expected.isAssignableFrom(eventType.recordClass())) {
            throw new CloudEventDecodingException(where + " carries " + type + " (" + eventType.recordClass().getSimpleName() + ") but "
                    + expected.getSimpleName() + " was expected here; is the record on the wrong topic?");
        }
        SluiceEvent data = data(where, eventType, value);
        if (!data.subject().equals(subject)) {
            throw new CloudEventDecodingException(where + " has " + CloudEventHeaders.SUBJECT + " '" + subject + "' but its data is about '" + data.subject() + "'");
        }
        if (key != null && !key.equals(subject)) {
            throw new CloudEventDecodingException(where + " has key '" + key + "' but " + CloudEventHeaders.SUBJECT + " '" + subject
                    + "'; Sluice keys every record by its subject so events about one object stay in order");
        }
        return new CloudEvent<>(id, source, type, subject, time, expected.cast(data));
    }

    private static void checkContentType(String where, Headers headers) {
        String contentType = lastHeader(headers, CloudEventHeaders.CONTENT_TYPE);
        if (contentType == null) {
            throw new CloudEventDecodingException(where + " has no " + CloudEventHeaders.CONTENT_TYPE
                    + " header; Sluice events are CloudEvents in binary mode with content-type application/json");
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.startsWith("application/cloudevents")) {
            throw new CloudEventDecodingException(where + " is a CloudEvent in structured mode (content-type " + contentType
                    + "); Sluice reads binary mode only: attributes in ce_* headers, JSON data as the value");
        }
        if (!mediaType.equals(CloudEventHeaders.JSON)) {
            throw new CloudEventDecodingException(where + " has content-type '" + contentType + "'; Sluice event data is application/json");
        }
    }

    private static String required(String where, Headers headers, String name) {
        String value = lastHeader(headers, name);
        if (value == null || value.isBlank()) {
            throw new CloudEventDecodingException(where + " has no " + name + " header" + (value == null ? "" : " value")
                    + "; every Sluice event carries ce_specversion, ce_id, ce_source, ce_type, ce_subject and ce_time");
        }
        return value;
    }

    private static String lastHeader(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant time(String where, String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new CloudEventDecodingException(where + " has " + CloudEventHeaders.TIME + " '" + text
                    + "', which is not an RFC 3339 timestamp like 2026-11-27T22:41:17Z", e);
        }
    }

    private static SluiceEvent data(String where, EventType type, byte[] value) {
        if (value == null || value.length == 0) {
            throw new CloudEventDecodingException(where + " (" + type.ceType() + ") has no value; expected the event as JSON");
        }
        SluiceEvent data;
        try {
            data = EventJson.reader().forType(type.recordClass()).readValue(value);
        } catch (ValueInstantiationException e) {
            // The JSON parsed but the record refused it (a required field missing, a bad digest, ...).
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
            throw new CloudEventDecodingException(where + " has invalid " + type.recordClass().getSimpleName() + " data: " + reason, e);
        } catch (JsonProcessingException e) {
            throw new CloudEventDecodingException(where + " has malformed " + type.recordClass().getSimpleName() + " JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CloudEventDecodingException(where + " could not be read: " + e.getMessage(), e);
        }
        if (data == null) {
            throw new CloudEventDecodingException(where + " (" + type.ceType() + ") has JSON null as its data");
        }
        return data;
    }

    private static String knownTypes() {
        return Arrays.stream(EventType.values()).map(EventType::ceType).collect(Collectors.joining(", "));
    }
}
