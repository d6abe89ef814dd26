package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One node of a CRD version's structural schema ({@code openAPIV3Schema}), compiled once per CRD version (patterns
 * compiled, numbers parsed), so that pruning, defaulting and validating a custom resource is one walk over it.
 *
 * @param type "object", "array", "string", "integer", "number", "boolean", or "" (any: {@code int-or-string},
 *     {@code preserve-unknown-fields} without a type)
 * @param additionalProperties the schema of the values of a map; null when the object has fixed properties only
 */
record CrdSchema(String type, Map<String, CrdSchema> properties, CrdSchema additionalProperties,
        boolean anyAdditionalProperties, CrdSchema items, List<String> required, List<JsonNode> enumValues,
        BigDecimal minimum, boolean exclusiveMinimum, BigDecimal maximum, boolean exclusiveMaximum, BigDecimal multipleOf,
        Long minLength, Long maxLength, Pattern pattern, Long minItems, Long maxItems, boolean uniqueItems,
        Long minProperties, Long maxProperties, String format, boolean nullable, boolean preserveUnknownFields,
        boolean intOrString, boolean embeddedResource, JsonNode defaultValue) {

    /** A schema that allows anything and prunes nothing (a version without a schema). */
    static final CrdSchema ANYTHING = new CrdSchema("", Map.of(), null, true, null, List.of(), List.of(), null, false,
            null, false, null, null, null, null, null, null, false, null, null, null, true, true, false, false, null);

    /** Compiles an {@code openAPIV3Schema} (or one of its nodes); a missing node allows anything. */
    static CrdSchema compile(JsonNode node) {
        if (node == null || node.isMissingNode() || !node.isObject()) {
            return ANYTHING;
        }
        Map<String, CrdSchema> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            properties.put(entry.getKey(), compile(entry.getValue()));
        }
        JsonNode additional = node.get("additionalProperties");
        List<String> required = new ArrayList<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        List<JsonNode> enumValues = new ArrayList<>();
        node.path("enum").forEach(enumValues::add);
        String pattern = text(node, "pattern");
        return new CrdSchema(node.path("type").asText(""), Collections.unmodifiableMap(properties),
                additional != null && additional.isObject() ? compile(additional) : null,
                additional != null && additional.isBoolean() && additional.asBoolean(),
                node.has("items") ? compile(node.get("items")) : null, List.copyOf(required), List.copyOf(enumValues),
                number(node, "minimum"), node.path("exclusiveMinimum").asBoolean(false), number(node, "maximum"),
                node.path("exclusiveMaximum").asBoolean(false), number(node, "multipleOf"), whole(node, "minLength"),
                whole(node, "maxLength"), pattern == null ? null : Pattern.compile(pattern), whole(node, "minItems"),
                whole(node, "maxItems"), node.path("uniqueItems").asBoolean(false), whole(node, "minProperties"),
                whole(node, "maxProperties"), text(node, "format"), node.path("nullable").asBoolean(false),
                node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false),
                node.path("x-kubernetes-int-or-string").asBoolean(false),
                node.path("x-kubernetes-embedded-resource").asBoolean(false), node.get("default"));
    }

    /** The schema a field of an object value follows: its property, else the map's value schema; null: unknown. */
    CrdSchema field(String name) {
        CrdSchema property = properties.get(name);
        if (property != null) {
            return property;
        }
        if (additionalProperties != null) {
            return additionalProperties;
        }
        return anyAdditionalProperties || preserveUnknownFields ? ANYTHING : null;
    }

    /** The pattern as the CRD wrote it, for messages. */
    String patternText() {
        return pattern == null ? null : pattern.pattern();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BigDecimal number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.decimalValue();
    }

    private static Long whole(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asLong();
    }
}
