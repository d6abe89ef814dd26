package io.sluice.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping for event data, so every service writes and reads events the same way:
 * <ul>
 *   <li>{@code Instant} as an RFC 3339 string ({@code "2026-11-27T22:41:17.123Z"}), {@code Duration} as
 *       ISO-8601 ({@code "PT12.5S"}), never as numbers;</li>
 *   <li>null fields are left out;</li>
 *   <li>unknown fields are ignored when reading, so adding an optional field to an event does not break
 *       services that are not upgraded yet (see {@link EventType} on versions);</li>
 *   <li>a missing primitive ({@code size}) is an error rather than a silent 0.</li>
 * </ul>
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventJson() {
    }

    /** Writes event data; immutable and thread-safe. */
    public static ObjectWriter writer() {
        return MAPPER.writer();
    }

    /** Reads event data, e.g. {@code reader().forType(GitPushed.class).readValue(bytes)}; immutable and thread-safe. */
    public static ObjectReader reader() {
        return MAPPER.reader();
    }
}
