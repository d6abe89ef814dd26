package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code Table} answers ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}, what {@code kubectl get}
 * asks for): the columns a v1.28 server prints for ConfigMaps, Secrets, Namespaces, Deployments and custom resources
 * (their {@code additionalPrinterColumns}), Name and Age for other types, one row per object with the object's
 * metadata ({@code includeObject=Metadata}, the default), the whole object ({@code Object}) or nothing ({@code None}).
 */
final class Tables {

    private static final String NAME_DESCRIPTION = "Name must be unique within a namespace. Is required when creating "
            + "resources, although some resources may allow a client to request the generation of an appropriate name "
            + "automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot "
            + "be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
    private static final String AGE_DESCRIPTION = "CreationTimestamp is a timestamp representing the server time when "
            + "this object was created. It is not guaranteed to be set in happens-before order across separate "
            + "operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\n"
            + "Populated by the system. Read-only. Null for lists. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    /** One column: its definition and how a cell is read from an object. */
    private record Column(String name, String type, String format, String description, int priority,
            Function<JsonNode, Object> cell) {
    }

    private Tables() {
    }

    /**
     * The table of {@code objects} of the type at {@code path}.
     *
     * @param crd the CRD serving the type, or null for a built-in type
     */
    static ObjectNode of(List<ObjectNode> objects, ResourcePath path, JsonNode crd, String resourceVersion) {
        List<Column> columns = crd != null ? customColumns(crd, path.version()) : builtInColumns(path.plural());
        ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", resourceVersion);
        ArrayNode definitions = table.putArray("columnDefinitions");
        for (Column column : columns) {
            definitions.addObject().put("name", column.name()).put("type", column.type()).put("format", column.format())
                    .put("description", column.description()).put("priority", column.priority());
        }
        String include = path.query().getOrDefault("includeObject", "Metadata");
        ArrayNode rows = table.putArray("rows");
        for (ObjectNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            columns.forEach(column -> addCell(cells, column.cell().apply(object)));
            switch (include) {
                case "None" -> {
                    // no object
                }
                case "Object" -> row.set("object", object);
                default -> {
                    ObjectNode partial = row.putObject("object").put("kind", "PartialObjectMetadata")
                            .put("apiVersion", "meta.k8s.io/v1");
                    partial.set("metadata", object.path("metadata"));
                }
            }
        }
        return table;
    }

    private static void addCell(ArrayNode cells, Object value) {
        if (value instanceof JsonNode node) {
            cells.add(node);
        } else if (value instanceof Integer number) {
            cells.add(number);
        } else if (value == null) {
            cells.addNull();
        } else {
            cells.add(value.toString());
        }
    }

    private static List<Column> builtInColumns(String plural) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Name", "string", "name", NAME_DESCRIPTION, 0, o -> o.path("metadata").path("name").asText()));
        switch (plural) {
            case "configmaps" -> columns.add(new Column("Data", "string", "", "Data contains the configuration data. "
                    + "Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte "
                    + "sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in "
                    + "the BinaryData field, this is enforced during validation process.", 0,
                    o -> o.path("data").size() + o.path("binaryData").size()));
            case "secrets" -> {
                columns.add(new Column("Type", "string", "", "Used to facilitate programmatic handling of secret data. "
                        + "More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types", 0,
                        o -> o.path("type").asText("Opaque")));
                columns.add(new Column("Data", "string", "", "Data contains the secret data. Each key must consist of "
                        + "alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 "
                        + "encoded string, representing the arbitrary (possibly non-string) data value here. Described in "
                        + "https://tools.ietf.org/html/rfc4648#section-4", 0, o -> o.path("data").size()));
            }
            case "namespaces" -> columns.add(new Column("Status", "string", "", "The status of the namespace", 0,
                    o -> o.path("status").path("phase").asText()));
            case "deployments" -> {
                columns.add(new Column("Ready", "string", "", "Number of the pod with ready state", 0,
                        o -> o.path("status").path("readyReplicas").asInt(0) + "/" + o.path("spec").path("replicas").asInt(1)));
                columns.add(new Column("Up-to-date", "string", "", "Total number of non-terminated pods targeted by this "
                        + "deployment that have the desired template spec.", 0,
                        o -> o.path("status").path("updatedReplicas").asInt(0)));
                columns.add(new Column("Available", "string", "", "Total number of available pods (ready for at least "
                        + "minReadySeconds) targeted by this deployment.", 0,
                        o -> o.path("status").path("availableReplicas").asInt(0)));
            }
            default -> {
                // Name and Age only
            }
        }
        columns.add(new Column("Age", "string", "", AGE_DESCRIPTION, 0, o -> age(o.path("metadata").path("creationTimestamp"))));
        if (plural.equals("deployments")) {
            columns.add(new Column("Containers", "string", "", "Names of each container in the template.", 1,
                    o -> joined(o.path("spec").path("template").path("spec").path("containers"), "name")));
            columns.add(new Column("Images", "string", "", "Images referenced by each container in the template.", 1,
                    o -> joined(o.path("spec").path("template").path("spec").path("containers"), "image")));
            columns.add(new Column("Selector", "string", "", "Label selector for pods. Existing ReplicaSets whose pods "
                    + "are selected by this will be the ones affected by this deployment.", 1,
                    o -> selector(o.path("spec").path("selector"))));
        }
        return columns;
    }

    /** Name, then the CRD's additionalPrinterColumns for the version (Age when it declares none). */
    private static List<Column> customColumns(JsonNode crd, String version) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("Name", "string", "name", NAME_DESCRIPTION, 0, o -> o.path("metadata").path("name").asText()));
        JsonNode declared = null;
        for (JsonNode served : crd.path("spec").path("versions")) {
            if (served.path("name").asText().equals(version)) {
                declared = served.path("additionalPrinterColumns");
            }
        }
        if (declared == null || declared.isEmpty()) {
            declared = Json.array().add(Json.object().put("name", "Age").put("type", "date")
                    .put("jsonPath", ".metadata.creationTimestamp"));
        }
        for (JsonNode column : declared) {
            String jsonPath = column.path("jsonPath").asText();
            String type = column.path("type").asText("string");
            String description = column.path("description").asText(
                    "Custom resource definition column (in JSONPath format): " + jsonPath);
            columns.add(new Column(column.path("name").asText(), type, column.path("format").asText(""), description,
                    column.path("priority").asInt(0), o -> {
                        JsonNode value = at(o, jsonPath);
                        if (value.isMissingNode() || value.isNull()) {
                            return null;
                        }
                        return type.equals("date") ? age(value) : value;
                    }));
        }
        return columns;
    }

    /** A simple JSONPath ({@code .spec.size}): dotted fields from the object's root. */
    private static JsonNode at(JsonNode object, String jsonPath) {
        JsonNode node = object;
        for (String part : jsonPath.replaceFirst("^\\.", "").split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static String joined(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.path(field).asText()));
        return String.join(",", values);
    }

    private static String selector(JsonNode selector) {
        List<String> terms = new ArrayList<>();
        selector.path("matchLabels").fields().forEachRemaining(e -> terms.add(e.getKey() + "=" + e.getValue().asText()));
        return String.join(",", terms);
    }

    /** How long ago, as kubectl prints it: {@code 45s}, {@code 5m3s}, {@code 17m}, {@code 3h4m}, {@code 5d}. */
    static String age(JsonNode timestamp) {
        try {
            Duration age = Duration.between(Instant.parse(timestamp.asText()), Instant.now());
            return humanDuration(age.isNegative() ? Duration.ZERO : age);
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
    }

    static String humanDuration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = duration.toMinutes();
        if (minutes < 10) {
            return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + seconds % 60 + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = duration.toHours();
        if (hours < 8) {
            return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        long days = duration.toDays();
        if (days < 8) {
            return hours % 24 == 0 ? days + "d" : days + "d" + hours % 24 + "h";
        }
        return days < 365 * 2 ? days + "d" : days / 365 + "y" + (days % 365 == 0 ? "" : days % 365 + "d");
    }
}
