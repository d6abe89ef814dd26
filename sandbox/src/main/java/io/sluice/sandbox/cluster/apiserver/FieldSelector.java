package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code fieldSelector} query parameter: {@code path=value}, {@code path==value} or {@code path!=value},
 * comma separated, where path is a dotted field path such as {@code metadata.name} or {@code status.phase}.
 * Unlike a real server, which accepts only a few fields per kind (and answers 400 for others), any field path
 * is looked up in the object; a missing field compares as the empty string.
 */
record FieldSelector(List<Term> terms) {

    record Term(String path, String value, boolean negated) {
        boolean matches(JsonNode object) {
            JsonNode node = object;
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            String actual = node.isValueNode() ? node.asText() : "";
            return negated != value.equals(actual);
        }
    }

    static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    static FieldSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Term> terms = new ArrayList<>();
        for (String part : selector.split(",")) {
            String text = part.trim();
            int notEquals = text.indexOf("!=");
            int equals = text.indexOf('=');
            if (notEquals > 0) {
                terms.add(new Term(text.substring(0, notEquals).trim(), text.substring(notEquals + 2).trim(), true));
            } else if (equals > 0) {
                int valueStart = text.startsWith("==", equals) ? equals + 2 : equals + 1;
                terms.add(new Term(text.substring(0, equals).trim(), text.substring(valueStart).trim(), false));
            } else {
                throw ApiException.badRequest("invalid field selector requirement \"" + text + "\" in \"" + selector
                        + "\": use path=value or path!=value");
            }
        }
        return new FieldSelector(List.copyOf(terms));
    }

    boolean matches(JsonNode object) {
        return terms.stream().allMatch(t -> t.matches(object));
    }
}
