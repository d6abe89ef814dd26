package io.sluice.source.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A chart's {@code Chart.yaml} as Helm reads it: only the fields of Helm's {@code chart.Metadata} are kept (Helm drops
 * the rest), each of the type Helm wants, and it is checked as Helm's {@code Metadata.Validate} checks it. Written
 * back ({@link #toYaml}) the way {@code helm package} writes it: keys sorted, empty fields left out.
 */
public final class ChartMetadata {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern ALIAS = Pattern.compile("[a-zA-Z0-9-_]+");

    private enum Type { STRING, STRINGS, BOOLEAN, STRING_MAP, MAINTAINERS, DEPENDENCIES, ANY_LIST }

    /** The fields of Helm's chart.Metadata, by their YAML name. */
    private static final Map<String, Type> METADATA = Map.ofEntries(
            Map.entry("name", Type.STRING), Map.entry("home", Type.STRING), Map.entry("sources", Type.STRINGS),
            Map.entry("version", Type.STRING), Map.entry("description", Type.STRING), Map.entry("keywords", Type.STRINGS),
            Map.entry("maintainers", Type.MAINTAINERS), Map.entry("icon", Type.STRING), Map.entry("apiVersion", Type.STRING),
            Map.entry("condition", Type.STRING), Map.entry("tags", Type.STRING), Map.entry("appVersion", Type.STRING),
            Map.entry("deprecated", Type.BOOLEAN), Map.entry("annotations", Type.STRING_MAP),
            Map.entry("kubeVersion", Type.STRING), Map.entry("dependencies", Type.DEPENDENCIES), Map.entry("type", Type.STRING));
    private static final Map<String, Type> MAINTAINER = Map.of("name", Type.STRING, "email", Type.STRING, "url", Type.STRING);
    private static final Map<String, Type> DEPENDENCY = Map.of("name", Type.STRING, "version", Type.STRING,
            "repository", Type.STRING, "condition", Type.STRING, "tags", Type.STRINGS, "enabled", Type.BOOLEAN,
            "import-values", Type.ANY_LIST, "alias", Type.STRING);
    /** Dependency fields Helm writes even when empty (no omitempty in its struct tags). */
    private static final Set<String> DEPENDENCY_ALWAYS = Set.of("name", "repository");

    private final ObjectNode fields;

    private ChartMetadata(ObjectNode fields) {
        this.fields = fields;
    }

    /**
     * Reads {@code Chart.yaml}; {@code requirements} is a v1 chart's {@code requirements.yaml} (its dependencies), or
     * null. A missing {@code apiVersion} is {@code v1}, as Helm reads it.
     *
     * @param where names the chart in messages, e.g. {@code 'charts/podinfo' of GitRepository 'default/app'}
     * @throws ChartException when it is not YAML or a field has the wrong type
     */
    public static ChartMetadata parse(byte[] chartYaml, byte[] requirements, String where) throws ChartException {
        ObjectNode fields = NODES.objectNode();
        read(chartYaml, "Chart.yaml", where, fields);
        if (requirements != null) {
            read(requirements, "requirements.yaml", where, fields);
        }
        if (!fields.hasNonNull("apiVersion")) {
            fields.put("apiVersion", "v1");
        }
        return new ChartMetadata(fields);
    }

    /** An index.yaml entry's metadata (its other fields, urls and digest, are not metadata and are not kept). */
    static ChartMetadata ofIndexEntry(JsonNode entry, String where) throws ChartException {
        ObjectNode fields = NODES.objectNode();
        copyKnown(entry, METADATA, "index entry", where, fields);
        if (!fields.hasNonNull("apiVersion")) {
            fields.put("apiVersion", "v1");
        }
        return new ChartMetadata(fields);
    }

    private static void read(byte[] yaml, String file, String where, ObjectNode into) throws ChartException {
        JsonNode tree;
        try {
            tree = HelmYaml.read(yaml);
        } catch (IOException e) {
            throw new ChartException("cannot load '" + file + "' of " + where + ": it is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (!tree.isObject()) {
            throw new ChartException("cannot load '" + file + "' of " + where + ": it must be a mapping of fields, not " + describe(tree));
        }
        copyKnown(tree, METADATA, file, where, into);
    }

    public String name() {
        return text("name");
    }

    public String version() {
        return text("version");
    }

    public String apiVersion() {
        return text("apiVersion");
    }

    /** The declared dependencies, from Chart.yaml (v2) or requirements.yaml (v1). */
    public List<ChartDependency> dependencies() {
        List<ChartDependency> out = new ArrayList<>();
        for (JsonNode dependency : fields.path("dependencies")) {
            out.add(new ChartDependency(dependency.path("name").asText(""), dependency.path("version").asText(""),
                    dependency.path("repository").asText(""), dependency.path("alias").asText("")));
        }
        return out;
    }

    /**
     * Checks what Helm's {@code Metadata.Validate} checks, with its messages ({@code validation: chart.metadata...}).
     *
     * @throws ChartException naming the field and the chart
     */
    public void validate(String where) throws ChartException {
        if (text("apiVersion").isEmpty()) {
            throw invalid(where, "chart.metadata.apiVersion is required");
        }
        String name = name();
        if (name.isEmpty()) {
            throw invalid(where, "chart.metadata.name is required");
        }
        if (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            throw invalid(where, "chart.metadata.name \"" + name + "\" is invalid");
        }
        if (version().isEmpty()) {
            throw invalid(where, "chart.metadata.version is required");
        }
        if (ChartVersions.parseLax(version()).isEmpty()) {
            throw invalid(where, "chart.metadata.version \"" + version() + "\" is invalid");
        }
        String type = text("type");
        if (!type.isEmpty() && !type.equals("application") && !type.equals("library")) {
            throw invalid(where, "chart.metadata.type must be application or library");
        }
        for (JsonNode maintainer : fields.path("maintainers")) {
            if (maintainer.path("name").asText("").isEmpty()) {
                throw invalid(where, "maintainers must have a name");
            }
        }
        Set<String> seen = new HashSet<>();
        for (ChartDependency dependency : dependencies()) {
            if (!dependency.alias().isEmpty() && !ALIAS.matcher(dependency.alias()).matches()) {
                throw invalid(where, "dependency \"" + dependency.name() + "\" has disallowed characters in the alias");
            }
            if (!seen.add(dependency.key())) {
                throw invalid(where, "more than one dependency with name or alias \"" + dependency.key() + "\"");
            }
        }
    }

    /** Chart.yaml as {@code helm package} writes it. */
    public byte[] toYaml() {
        return HelmYaml.write(fields);
    }

    private String text(String field) {
        return fields.path(field).asText("");
    }

    private static ChartException invalid(String where, String problem) {
        return new ChartException("Chart.yaml of " + where + " is invalid: validation: " + problem);
    }

    /** Copies the fields Helm knows, checked for their type; empty values are left out as Helm's omitempty does. */
    private static void copyKnown(JsonNode from, Map<String, Type> known, String file, String where, ObjectNode into) throws ChartException {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Type type = known.get(field.getKey());
            if (type == null) {
                continue; // Helm's struct has no such field: it is dropped, as Helm drops it
            }
            JsonNode value = convert(field.getValue(), type, field.getKey(), file, where);
            if (value != null) {
                into.set(field.getKey(), value);
            } else {
                into.remove(field.getKey());
            }
        }
    }

    private static JsonNode convert(JsonNode value, Type type, String field, String file, String where) throws ChartException {
        if (value == null || value.isNull()) {
            return null;
        }
        switch (type) {
            case STRING -> {
                requireText(value, field, file, where);
                return value.asText().isEmpty() ? null : value;
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw wrongType(field, "true or false", value, file, where);
                }
                return value.asBoolean() ? value : null;
            }
            case STRINGS -> {
                ArrayNode list = requireList(value, field, file, where);
                for (JsonNode element : list) {
                    requireText(element, field + "[]", file, where);
                }
                return list.isEmpty() ? null : list;
            }
            case STRING_MAP -> {
                if (!value.isObject()) {
                    throw wrongType(field, "a mapping of strings", value, file, where);
                }
                for (JsonNode element : value) {
                    requireText(element, field + " values", file, where);
                }
                return value.isEmpty() ? null : value;
            }
            case ANY_LIST -> {
                ArrayNode list = requireList(value, field, file, where);
                return list.isEmpty() ? null : list;
            }
            case MAINTAINERS, DEPENDENCIES -> {
                ArrayNode out = NODES.arrayNode();
                for (JsonNode element : requireList(value, field, file, where)) {
                    if (!element.isObject()) {
                        throw wrongType(field + "[]", "a mapping", element, file, where);
                    }
                    ObjectNode item = NODES.objectNode();
                    copyKnown(element, type == Type.MAINTAINERS ? MAINTAINER : DEPENDENCY, file, where, item);
                    if (type == Type.DEPENDENCIES) {
                        DEPENDENCY_ALWAYS.forEach(always -> {
                            if (!item.has(always)) {
                                item.put(always, "");
                            }
                        });
                    }
                    out.add(item);
                }
                return out.isEmpty() ? null : out;
            }
        }
        throw new IllegalStateException("unhandled type " + type);
    }

    private static void requireText(JsonNode value, String field, String file, String where) throws ChartException {
        if (!value.isTextual()) {
            throw wrongType(field, "a string", value, file, where);
        }
    }

    private static ArrayNode requireList(JsonNode value, String field, String file, String where) throws ChartException {
        if (!value.isArray()) {
            throw wrongType(field, "a list", value, file, where);
        }
        return (ArrayNode) value;
    }

    private static ChartException wrongType(String field, String expected, JsonNode value, String file, String where) {
        String hint = value.isNumber() || value.isBoolean() ? "; quote it: " + field + ": \"" + value.asText() + "\"" : "";
        return new ChartException("cannot load '" + file + "' of " + where + ": field '" + field + "' must be " + expected
                + ", not " + describe(value) + hint);
    }

    private static String describe(JsonNode value) {
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        if (value.isBoolean()) {
            return "the boolean " + value.asText();
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        return "'" + value.asText() + "'";
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
