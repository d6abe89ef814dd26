package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decoding a built-in object into its Go type, as the real server does before anything else: a value of the wrong
 * JSON type is a 400 ({@code json: cannot unmarshal number into Go struct field ConfigMap.data of type string}), as
 * is a Secret value that is not base64; a field the type does not declare is dropped, with a warning or, under
 * {@code fieldValidation=Strict}, a 400 naming every such field. One walk over the object: O(its size).
 */
final class BuiltInDecoding {

    private static final Pattern QUANTITY = Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");

    private final List<String> unknown = new ArrayList<>();
    private String typeError;

    private BuiltInDecoding() {
    }

    /**
     * Decodes {@code object} in place (unknown fields removed).
     *
     * @param duplicates keys repeated in the body ({@link BodyReader}), reported like unknown fields
     * @throws ApiException 400 for a type error, or for unknown or repeated fields under Strict
     */
    static void decode(ObjectNode object, ValueType.Struct type, String kind, String version, List<String> duplicates,
            FieldValidation validation, Warnings warnings) {
        BuiltInDecoding decoding = new BuiltInDecoding();
        decoding.struct(object, type, "", "");
        String prefix = kind + " in version " + GoSyntax.quote(version) + " cannot be handled as a " + kind + ": ";
        if (decoding.typeError != null) {
            throw ApiException.badRequest(prefix + decoding.typeError);
        }
        StrictErrors.report(prefix, duplicates, decoding.unknown, validation, warnings);
    }

    /**
     * Removes the fields of {@code object} its Go type does not declare (type errors left alone), e.g. in the
     * {@code metadata} of a custom resource.
     *
     * @return their paths, below {@code path}
     */
    static List<String> unknownFields(ObjectNode object, ValueType.Struct type, String path) {
        BuiltInDecoding decoding = new BuiltInDecoding();
        decoding.struct(object, type, path, path);
        return decoding.unknown;
    }

    /**
     * @param path the path as strict errors write it, with list positions ({@code spec.containers[0].image})
     * @param goPath the path as type errors write it: struct fields only ({@code spec.containers.image})
     */
    private void struct(ObjectNode object, ValueType.Struct type, String path, String goPath) {
        Map<String, ValueType> fields = type.fields();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String childPath = path.isEmpty() ? name : path + "." + name;
            ValueType fieldType = fields.get(name);
            if (fieldType == null) {
                unknown.add(childPath);
                it.remove();
                continue;
            }
            value(entry.getValue(), fieldType, childPath, goPath.isEmpty() ? name : goPath + "." + name, type);
        }
    }

    private void value(JsonNode value, ValueType type, String path, String goPath, ValueType.Struct owner) {
        if (value.isNull() || type instanceof ValueType.Any) {
            return;
        }
        if (type instanceof ValueType.Struct struct) {
            if (value instanceof ObjectNode object) {
                struct(object, struct, path, goPath);
            } else {
                mismatch(GoSyntax.jsonType(value), owner, goPath, type);
            }
        } else if (type instanceof ValueType.MapOf map) {
            if (value instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    value(entry.getValue(), map.values(), path + "." + entry.getKey(), goPath, owner);
                }
            } else {
                mismatch(GoSyntax.jsonType(value), owner, goPath, type);
            }
        } else if (type instanceof ValueType.ListOf list) {
            if (value instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    value(array.get(i), list.items(), path + "[" + i + "]", goPath, owner);
                }
            } else {
                mismatch(GoSyntax.jsonType(value), owner, goPath, type);
            }
        } else if (type instanceof ValueType.Scalar scalar) {
            scalar(value, scalar.kind(), goPath, owner, type);
        }
    }

    private void scalar(JsonNode value, ValueType.Kind kind, String goPath, ValueType.Struct owner, ValueType type) {
        switch (kind) {
            case STRING -> {
                if (!value.isTextual()) {
                    mismatch(GoSyntax.jsonType(value), owner, goPath, type);
                }
            }
            case BYTES -> {
                if (!value.isTextual()) {
                    mismatch(GoSyntax.jsonType(value), owner, goPath, type);
                } else {
                    int bad = Base64Text.firstIllegalByte(value.asText());
                    if (bad >= 0 && typeError == null) {
                        typeError = "illegal base64 data at input byte " + bad;
                    }
                }
            }
            case INT32, INT64 -> {
                if (!value.isNumber()) {
                    mismatch(GoSyntax.jsonType(value), owner, goPath, type);
                } else if (!value.isIntegralNumber() || !fits(value, kind)) {
                    mismatch("number " + value.asText(), owner, goPath, type);
                }
            }
            case FLOAT -> {
                if (!value.isNumber()) {
                    mismatch(GoSyntax.jsonType(value), owner, goPath, type);
                }
            }
            case BOOL -> {
                if (!value.isBoolean()) {
                    mismatch(GoSyntax.jsonType(value), owner, goPath, type);
                }
            }
            case INT_OR_STRING -> {
                if (!value.isTextual() && !value.isIntegralNumber()) {
                    mismatch(GoSyntax.jsonType(value), owner, goPath, type);
                }
            }
            case QUANTITY -> {
                if (value.isTextual() && !QUANTITY.matcher(value.asText()).matches() && typeError == null) {
                    typeError = "quantities must match the regular expression '" + QUANTITY.pattern() + "'";
                } else if (!value.isTextual() && !value.isNumber()) {
                    mismatch(GoSyntax.jsonType(value), owner, goPath, type);
                }
            }
        }
    }

    private static boolean fits(JsonNode value, ValueType.Kind kind) {
        return kind == ValueType.Kind.INT64 ? value.canConvertToLong() : value.canConvertToInt();
    }

    /** Go's message for the first value of the wrong type (Go reports the first one). */
    private void mismatch(String jsonType, ValueType.Struct owner, String goPath, ValueType expected) {
        if (typeError == null) {
            typeError = "json: cannot unmarshal " + jsonType + " into Go struct field " + owner.goName() + "." + goPath
                    + " of type " + ValueType.goName(expected);
        }
    }
}
