package io.sluice.api.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Flux's event severities; an Alert's {@code eventSeverity} filters on them. Lower case in JSON. */
public enum Severity {
    INFO, ERROR;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Severity fromJson(String value) {
        for (Severity severity : values()) {
            if (severity.json().equals(value)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + value + "'; expected info or error");
    }
}
