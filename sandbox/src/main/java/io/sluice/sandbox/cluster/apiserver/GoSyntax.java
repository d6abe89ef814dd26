package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values written the way the real API server's messages write them: the server is in Go, and its errors quote
 * strings with {@code %q} and print other values with {@code %#v} ({@code []string{"a"}},
 * {@code map[string]string{"app":"web"}}, {@code v1.LabelSelector{...}}). Clients and people compare these texts,
 * so the sandbox writes them alike.
 */
final class GoSyntax {

    private GoSyntax() {
    }

    /** Go's {@code %q}: double quotes, with backslash escapes for quotes, backslashes and control characters. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** {@code []string{"a", "b"}}; {@code []string(nil)} for null. */
    static String stringSlice(List<String> values) {
        if (values == null) {
            return "[]string(nil)";
        }
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add(quote(v)));
        return "[]string{" + String.join(", ", quoted) + "}";
    }

    /** {@code map[string]string{"a":"1", "b":"2"}} with sorted keys (as Go prints maps); {@code (nil)} for null. */
    static String stringMap(JsonNode map) {
        if (map == null || !map.isObject()) {
            return "map[string]string(nil)";
        }
        Map<String, String> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            sorted.put(entry.getKey(), entry.getValue().asText());
        }
        List<String> entries = new ArrayList<>();
        sorted.forEach((k, v) -> entries.add(quote(k) + ":" + quote(v)));
        return "map[string]string{" + String.join(", ", entries) + "}";
    }

    /** A {@code metav1.LabelSelector} as {@code %#v} prints it, e.g. in "field is immutable" messages. */
    static String labelSelector(JsonNode selector) {
        if (selector == null || !selector.isObject()) {
            return "(*v1.LabelSelector)(nil)";
        }
        JsonNode expressions = selector.get("matchExpressions");
        String renderedExpressions;
        if (expressions == null || !expressions.isArray()) {
            renderedExpressions = "[]v1.LabelSelectorRequirement(nil)";
        } else {
            List<String> items = new ArrayList<>();
            for (JsonNode expression : expressions) {
                List<String> values = null;
                if (expression.get("values") instanceof com.fasterxml.jackson.databind.node.ArrayNode list) {
                    values = new ArrayList<>();
                    for (JsonNode value : list) {
                        values.add(value.asText());
                    }
                }
                items.add("v1.LabelSelectorRequirement{Key:" + quote(expression.path("key").asText()) + ", Operator:"
                        + quote(expression.path("operator").asText()) + ", Values:" + stringSlice(values) + "}");
            }
            renderedExpressions = "[]v1.LabelSelectorRequirement{" + String.join(", ", items) + "}";
        }
        return "v1.LabelSelector{MatchLabels:" + stringMap(selector.get("matchLabels")) + ", MatchExpressions:"
                + renderedExpressions + "}";
    }

    /**
     * A JSON value as the error of a field prints it: strings quoted, numbers and booleans as they are, null as
     * {@code null}.
     */
    static String value(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isTextual()) {
            return quote(value.asText());
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        return Json.write(value);
    }

    /** How Go's JSON decoder names a JSON value's type in its errors: string, number, bool, array, object, null. */
    static String jsonType(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        return value.isArray() ? "array" : value.isObject() ? "object" : "null";
    }
}
