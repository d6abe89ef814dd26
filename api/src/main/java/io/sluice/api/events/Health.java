package io.sluice.api.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How the applied objects were doing when the apply finished.
 *
 * @param status  the verdict
 * @param message what was waited for and, when unhealthy, which object failed and why; may be null
 */
public record Health(Status status, String message) {

    public Health {
        Require.present(status, "ApplyCompleted.health", "status");
        message = Require.optionalText(message);
    }

    public static Health healthy(String message) {
        return new Health(Status.HEALTHY, message);
    }

    public static Health unhealthy(String message) {
        return new Health(Status.UNHEALTHY, message);
    }

    /** Health was not checked (the app does not wait for readiness). */
    public static Health notChecked() {
        return new Health(Status.NOT_CHECKED, null);
    }

    /** Lower case with dashes in JSON: {@code healthy}, {@code unhealthy}, {@code not-checked}. */
    public enum Status {
        HEALTHY, UNHEALTHY, NOT_CHECKED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static Status fromJson(String value) {
            for (Status status : values()) {
                if (status.json().equals(value)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("unknown health status '" + value + "'; expected healthy, unhealthy or not-checked");
        }
    }
}
