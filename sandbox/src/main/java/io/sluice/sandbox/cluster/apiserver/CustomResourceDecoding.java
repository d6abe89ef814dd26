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
 * Decoding a custom resource as the real server does with its CRD's structural schema: fields the schema does not
 * declare are pruned (unless {@code x-kubernetes-preserve-unknown-fields}), with a warning each or, under
 * {@code fieldValidation=Strict}, a 400 naming them; {@code null}s of non-nullable fields are pruned too; then the
 * schema's {@code default}s are filled in. Wrong types are not decoding errors here but validation errors (422,
 * {@link CrdValidation}).
 */
final class CustomResourceDecoding {

    private static final Set<String> TYPE_FIELDS = Set.of("apiVersion", "kind");

    private final List<String> unknown = new ArrayList<>();
    private final ValueType.Struct objectMeta;

    private CustomResourceDecoding(ValueType.Struct objectMeta) {
        this.objectMeta = objectMeta;
    }

    /**
     * Prunes and defaults {@code object} in place.
     *
     * @param objectMeta the Go type of {@code metadata}, whose unknown fields are pruned as well
     * @throws ApiException 400 for unknown or repeated fields under Strict
     */
    static void decode(ObjectNode object, CrdSchema schema, ValueType.Struct objectMeta, String kind, String version,
            List<String> duplicates, FieldValidation validation, Warnings warnings) {
        CustomResourceDecoding decoding = new CustomResourceDecoding(objectMeta);
        decoding.root(object, schema);
        String prefix = kind + " in version " + GoSyntax.quote(version) + " cannot be handled as a " + kind + ": ";
        StrictErrors.report(prefix, duplicates, decoding.unknown, validation, warnings);
        defaults(object, schema);
    }

    /** Fills in the schema's {@code default}s for fields that are absent, below every object present. */
    static void defaults(ObjectNode object, CrdSchema schema) {
        defaults(object, schema, true);
    }

    /** The fields of an object of another version of the group: all unknown, as the real server warns about them. */
    static List<String> topLevelFields(ObjectNode object) {
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!TYPE_FIELDS.contains(name) && !name.equals("metadata")) {
                fields.add(name);
            }
        });
        return fields;
    }

    private void root(ObjectNode object, CrdSchema schema) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            if (TYPE_FIELDS.contains(name)) {
                continue;
            }
            if (name.equals("metadata")) {
                if (entry.getValue() instanceof ObjectNode metadata) {
                    unknown.addAll(BuiltInDecoding.unknownFields(metadata, objectMeta, "metadata"));
                }
                continue;
            }
            if (!field(entry, schema.field(name), name)) {
                it.remove();
            }
        }
    }

    /** @return false when the field is to be pruned */
    private boolean field(Map.Entry<String, JsonNode> entry, CrdSchema schema, String path) {
        if (schema == null) {
            unknown.add(path);
            return false;
        }
        JsonNode value = entry.getValue();
        if (value.isNull()) {
            return schema.nullable();
        }
        prune(value, schema, path);
        return true;
    }

    private void prune(JsonNode value, CrdSchema schema, String path) {
        if (value instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                String name = entry.getKey();
                String child = path + "." + name;
                if (schema.embeddedResource() && (TYPE_FIELDS.contains(name) || name.equals("metadata"))) {
                    if (name.equals("metadata") && entry.getValue() instanceof ObjectNode metadata) {
                        unknown.addAll(BuiltInDecoding.unknownFields(metadata, objectMeta, child));
                    }
                    continue;
                }
                if (!field(entry, schema.field(name), child)) {
                    it.remove();
                }
            }
        } else if (value instanceof ArrayNode array && schema.items() != null) {
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).isNull()) {
                    prune(array.get(i), schema.items(), path + "[" + i + "]");
                }
            }
        }
    }

    private static void defaults(JsonNode value, CrdSchema schema, boolean root) {
        if (value instanceof ObjectNode object) {
            schema.properties().forEach((name, property) -> {
                if (property.defaultValue() != null && !object.hasNonNull(name) && !(root && name.equals("metadata"))) {
                    object.set(name, property.defaultValue().deepCopy());
                }
            });
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                CrdSchema child = root && (TYPE_FIELDS.contains(entry.getKey()) || entry.getKey().equals("metadata"))
                        ? null : schema.field(entry.getKey());
                if (child != null) {
                    defaults(entry.getValue(), child, false);
                }
            }
        } else if (value instanceof ArrayNode array && schema.items() != null) {
            array.forEach(item -> defaults(item, schema.items(), false));
        }
    }
}
