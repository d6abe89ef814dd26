package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A custom resource against its CRD's OpenAPI v3 schema, with the real server's field errors and wording
 * ({@code spec.size: Invalid value: 11: spec.size in body should be less than or equal to 10}): type, required,
 * enum, minimum/maximum (exclusive too), multipleOf, minLength/maxLength, pattern, minItems/maxItems, uniqueItems,
 * minProperties/maxProperties and nullable. Not checked: {@code format}, {@code allOf}/{@code anyOf}/{@code oneOf}/
 * {@code not} and {@code x-kubernetes-validations} (CEL rules).
 */
final class CrdValidation {

    private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

    private final FieldErrors errors;

    private CrdValidation(FieldErrors errors) {
        this.errors = errors;
    }

    /** Adds the schema's errors for {@code object} (its metadata excepted) to {@code errors}. */
    static void validate(ObjectNode object, CrdSchema schema, FieldErrors errors) {
        CrdValidation validation = new CrdValidation(errors);
        for (String required : schema.required()) {
            if (!object.has(required) && !ROOT_FIELDS.contains(required)) {
                errors.required(required, "");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            CrdSchema field = schema.field(entry.getKey());
            if (!ROOT_FIELDS.contains(entry.getKey()) && field != null) {
                validation.value(entry.getValue(), field, entry.getKey());
            }
        }
    }

    private void value(JsonNode value, CrdSchema schema, String path) {
        if (value.isNull()) {
            if (!schema.nullable() && !schema.type().isEmpty()) {
                typeError(path, "null", schema.type());
            }
            return;
        }
        if (!hasType(value, schema)) {
            typeError(path, typeName(value), schema.type());
            return;
        }
        if (value.isTextual()) {
            string(value.asText(), schema, path);
        } else if (value.isNumber()) {
            number(value, schema, path);
        }
        if (!schema.enumValues().isEmpty() && schema.enumValues().stream().noneMatch(e -> Json.same(e, value))) {
            List<String> supported = new ArrayList<>();
            schema.enumValues().forEach(e -> supported.add(e.isTextual() ? e.asText() : Json.write(e)));
            errors.notSupported(path, GoSyntax.value(value), supported);
        }
        if (value instanceof ArrayNode array) {
            array(array, schema, path);
        } else if (value instanceof ObjectNode object) {
            object(object, schema, path);
        }
    }

    private static boolean hasType(JsonNode value, CrdSchema schema) {
        if (schema.intOrString()) {
            return value.isTextual() || value.isIntegralNumber();
        }
        return switch (schema.type()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && isWhole(value.decimalValue());
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    private void string(String text, CrdSchema schema, String path) {
        int length = text.codePointCount(0, text.length());
        if (schema.maxLength() != null && length > schema.maxLength()) {
            errors.tooLong(path, "may not be longer than " + schema.maxLength());
        }
        if (schema.minLength() != null && length < schema.minLength()) {
            errors.invalid(path, GoSyntax.quote(text), path + " in body should be at least " + schema.minLength()
                    + " chars long");
        }
        if (schema.pattern() != null && !schema.pattern().matcher(text).find()) {
            errors.invalid(path, GoSyntax.quote(text), path + " in body should match '" + schema.patternText() + "'");
        }
    }

    private void number(JsonNode value, CrdSchema schema, String path) {
        BigDecimal number = value.decimalValue();
        String shown = value.asText();
        if (schema.maximum() != null) {
            int compared = number.compareTo(schema.maximum());
            if (schema.exclusiveMaximum() ? compared >= 0 : compared > 0) {
                errors.invalid(path, shown, path + " in body should be less than " + (schema.exclusiveMaximum() ? "" : "or equal to ")
                        + plain(schema.maximum()));
            }
        }
        if (schema.minimum() != null) {
            int compared = number.compareTo(schema.minimum());
            if (schema.exclusiveMinimum() ? compared <= 0 : compared < 0) {
                errors.invalid(path, shown, path + " in body should be greater than "
                        + (schema.exclusiveMinimum() ? "" : "or equal to ") + plain(schema.minimum()));
            }
        }
        if (schema.multipleOf() != null && schema.multipleOf().signum() != 0
                && number.remainder(schema.multipleOf()).signum() != 0) {
            errors.invalid(path, shown, path + " in body should be a multiple of " + plain(schema.multipleOf()));
        }
    }

    private void array(ArrayNode array, CrdSchema schema, String path) {
        if (schema.maxItems() != null && array.size() > schema.maxItems()) {
            errors.tooMany(path, array.size(), schema.maxItems().intValue());
        }
        if (schema.minItems() != null && array.size() < schema.minItems()) {
            errors.invalid(path, String.valueOf(array.size()), path + " in body should have at least " + schema.minItems()
                    + " items");
        }
        if (schema.uniqueItems()) {
            Set<JsonNode> seen = new HashSet<>();
            for (int i = 0; i < array.size(); i++) {
                if (!seen.add(array.get(i))) {
                    errors.duplicate(path + "[" + i + "]", GoSyntax.value(array.get(i)));
                }
            }
        }
        if (schema.items() != null) {
            for (int i = 0; i < array.size(); i++) {
                value(array.get(i), schema.items(), path + "[" + i + "]");
            }
        }
    }

    private void object(ObjectNode object, CrdSchema schema, String path) {
        if (schema.maxProperties() != null && object.size() > schema.maxProperties()) {
            errors.tooMany(path, object.size(), schema.maxProperties().intValue());
        }
        if (schema.minProperties() != null && object.size() < schema.minProperties()) {
            errors.invalid(path, String.valueOf(object.size()), path + " in body should have at least "
                    + schema.minProperties() + " properties");
        }
        for (String required : schema.required()) {
            if (!object.has(required)) {
                errors.required(path + "." + required, "");
            }
        }
        if (schema.embeddedResource()) {
            return; // an embedded object is checked as an object of its own kind, not here
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            CrdSchema field = schema.field(entry.getKey());
            if (field != null) {
                value(entry.getValue(), field, path + "." + entry.getKey());
            }
        }
    }

    private void typeError(String path, String actual, String expected) {
        errors.typeInvalid(path, GoSyntax.quote(actual), path + " in body must be of type " + expected + ": "
                + GoSyntax.quote(actual));
    }

    private static String typeName(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "array" : "object";
    }

    private static boolean isWhole(BigDecimal number) {
        return number.stripTrailingZeros().scale() <= 0;
    }

    /** A schema bound as Go prints it: {@code 10}, {@code 1.5}. */
    private static String plain(BigDecimal number) {
        return isWhole(number) ? number.toBigInteger().toString() : number.stripTrailingZeros().toPlainString();
    }
}
