package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A server-side apply configuration against the kind's schema, as the real server's structured-merge code
 * converts it into a typed value before merging: every field must be declared and every value of the declared
 * type. Problems are worded as that code words them, with its paths ({@code .spec.containers[name="web"].foo}):
 * {@code .spec.bogus: field not declared in schema}, {@code .spec.replicas: expected numeric (int or float), got
 * string}.
 */
final class ApplyConfigurationCheck {

    private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

    private final List<String> problems = new ArrayList<>();
    private final FieldSchema listTypes;

    private ApplyConfigurationCheck(FieldSchema listTypes) {
        this.listTypes = listTypes;
    }

    /** A built-in kind's configuration. */
    static List<String> against(ObjectNode config, ValueType.Struct type, FieldSchema listTypes) {
        ApplyConfigurationCheck check = new ApplyConfigurationCheck(listTypes);
        check.builtIn(config, type, "", List.of());
        return check.problems;
    }

    /** A custom resource's configuration; its metadata is not checked beyond being an object. */
    static List<String> against(ObjectNode config, CrdSchema schema, FieldSchema listTypes) {
        ApplyConfigurationCheck check = new ApplyConfigurationCheck(listTypes);
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!ROOT_FIELDS.contains(entry.getKey())) {
                check.custom(entry.getValue(), schema.field(entry.getKey()), "." + entry.getKey(), List.of(entry.getKey()));
            }
        }
        return check.problems;
    }

    private void builtIn(JsonNode value, ValueType type, String path, List<String> names) {
        if (value.isNull() || type instanceof ValueType.Any) {
            return;
        }
        if (type instanceof ValueType.Struct struct) {
            if (!(value instanceof ObjectNode object)) {
                problems.add(path + ": expected map, got " + unstructured(value));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                ValueType field = struct.fields().get(entry.getKey());
                String child = path + "." + entry.getKey();
                if (field == null) {
                    problems.add(child + ": field not declared in schema");
                } else {
                    builtIn(entry.getValue(), field, child, ObjectFields.append(names, entry.getKey()));
                }
            }
        } else if (type instanceof ValueType.MapOf map && value instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> builtIn(e.getValue(), map.values(), path + "." + e.getKey(), names));
        } else if (type instanceof ValueType.ListOf list && value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                builtIn(array.get(i), list.items(), path + item(array.get(i), i, names), names);
            }
        } else if (type instanceof ValueType.Scalar scalar) {
            scalar(value, scalar.kind(), path);
        } else {
            problems.add(path + ": expected " + (type instanceof ValueType.ListOf ? "list" : "map") + ", got "
                    + unstructured(value));
        }
    }

    private void scalar(JsonNode value, ValueType.Kind kind, String path) {
        switch (kind) {
            case INT32, INT64, FLOAT -> {
                if (!value.isNumber()) {
                    problems.add(path + ": expected numeric (int or float), got " + goType(value));
                }
            }
            case BOOL -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": expected boolean, got " + unstructured(value));
                }
            }
            case STRING, BYTES -> {
                if (!value.isTextual()) {
                    problems.add(path + ": expected string, got " + unstructured(value));
                }
            }
            case INT_OR_STRING, QUANTITY -> {
                if (!value.isTextual() && !value.isNumber()) {
                    problems.add(path + ": expected string or numeric, got " + unstructured(value));
                }
            }
        }
    }

    private void custom(JsonNode value, CrdSchema schema, String path, List<String> names) {
        if (schema == null) {
            problems.add(path + ": field not declared in schema");
            return;
        }
        if (value instanceof ObjectNode object) {
            if (schema.embeddedResource() || schema == CrdSchema.ANYTHING) {
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                custom(entry.getValue(), schema.field(entry.getKey()), path + "." + entry.getKey(),
                        ObjectFields.append(names, entry.getKey()));
            }
        } else if (value instanceof ArrayNode array && schema.items() != null) {
            for (int i = 0; i < array.size(); i++) {
                custom(array.get(i), schema.items(), path + item(array.get(i), i, names), names);
            }
        }
    }

    /** A list item's path element: {@code [name="web"]} in an associative list, {@code [0]} otherwise. */
    private String item(JsonNode item, int index, List<String> names) {
        ListType type = listTypes.listType(names);
        if (type instanceof ListType.Map map && item.isObject()) {
            List<String> keys = new ArrayList<>();
            for (String key : map.keys()) {
                JsonNode keyValue = item.get(key);
                if (keyValue != null) {
                    keys.add(key + "=" + Json.write(keyValue));
                }
            }
            if (!keys.isEmpty()) {
                return "[" + String.join(",", keys) + "]";
            }
        }
        return "[" + index + "]";
    }

    /** How Go's {@code %T} names the JSON value's type. */
    private static String goType(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        return value.isArray() ? "[]interface {}" : "map[string]interface {}";
    }

    /** How the merge code prints a value it did not expect. */
    private static String unstructured(JsonNode value) {
        String shown = value.isTextual() ? GoSyntax.quote(value.asText()) : value.isContainerNode() ? Json.write(value)
                : value.asText();
        return "&value.valueUnstructured{Value:" + shown + "}";
    }
}
