package io.sluice.api.events;

import java.util.Locale;
import java.util.regex.Pattern;

/** Argument checks shared by the event records, so every record rejects bad data with the same wording. */
final class Require {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    private Require() {
    }

    static <T> T present(T value, String event, String field) {
        if (value == null) {
            throw new IllegalArgumentException(event + "." + field + " is required but missing");
        }
        return value;
    }

    static String text(String value, String event, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(event + "." + field + " is required but " + (value == null ? "missing" : "blank"));
        }
        return value;
    }

    /** Empty strings become null, so optional text fields have one way of saying "absent". */
    static String optionalText(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A Git object id: 40 (SHA-1) or 64 (SHA-256) lower-case hex digits. */
    static String commit(String value, String event, String field) {
        text(value, event, field);
        String sha = value.toLowerCase(Locale.ROOT);
        if ((sha.length() != 40 && sha.length() != 64) || !HEX.matcher(sha).matches()) {
            throw new IllegalArgumentException(event + "." + field + " must be a commit SHA of 40 or 64 hex digits, got '" + value + "'");
        }
        return sha;
    }

    static long notNegative(long value, String event, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(event + "." + field + " must not be negative, got " + value);
        }
        return value;
    }
}
