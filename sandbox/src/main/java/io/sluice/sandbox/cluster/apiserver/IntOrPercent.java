package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** Int-or-percent fields ({@code maxUnavailable: 25%}, {@code maxSurge: 1}) as rolling-update validation checks them. */
final class IntOrPercent {

    private static final Pattern PERCENT = Pattern.compile("[0-9]+%");

    private IntOrPercent() {
    }

    static boolean isZero(JsonNode value) {
        return value == null || value.isNull() || value.isNumber() && value.asLong() == 0
                || value.isTextual() && value.asText().equals("0%");
    }

    /** @param atMost100 percentages above 100% are refused (maxUnavailable) */
    static void validate(JsonNode value, String field, boolean atMost100, FieldErrors errors) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isNumber()) {
            if (value.asLong() < 0) {
                errors.invalid(field, value.asText(), "must be greater than or equal to 0");
            }
            return;
        }
        String text = value.asText();
        if (!PERCENT.matcher(text).matches()) {
            errors.invalid(field, GoSyntax.quote(text), NameRules.regexError("a valid percent string must be a numeric "
                    + "string followed by an ending '%'", "[0-9]+%", "1%", "93%"));
        } else if (atMost100 && Long.parseLong(text.substring(0, text.length() - 1)) > 100) {
            errors.invalid(field, GoSyntax.quote(text), "must not be greater than 100%");
        }
    }
}
