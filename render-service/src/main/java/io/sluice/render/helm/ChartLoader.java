package io.sluice.render.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.kustomize.KustomizeException;
import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads a chart the way Helm's loader does, for what a release stores about it ({@link LoadedChart}): the metadata of
 * {@code Chart.yaml}, {@code Chart.lock}, the templates, {@code values.yaml}, {@code values.schema.json} and every other
 * file, with Helm's JSON field names and order, so {@code helm history}, {@code helm get values --all} and
 * {@code helm get all} read it. Files are taken in the order Go's filepath.Walk visits them (by name, folder by
 * folder), which is the order {@code helm package} writes them in. Subcharts ({@code charts/}) are not part of a
 * stored release's chart, as in Helm.
 */
final class ChartLoader {

    private static final String CHART_FILE = "Chart.yaml";
    /** Helm's Metadata fields in the order its JSON writes them; every one is omitted when empty. */
    private static final List<String> METADATA_FIELDS = List.of("name", "home", "sources", "version", "description", "keywords",
            "maintainers", "icon", "apiVersion", "condition", "tags", "appVersion", "deprecated", "annotations", "kubeVersion",
            "dependencies", "type");

    private ChartLoader() {
    }

    /**
     * The chart folder of an unpacked chart artifact: the root when it holds {@code Chart.yaml}, else the one folder
     * below it that does (a packaged chart unpacks to {@code <name>/Chart.yaml}).
     */
    static Path chartDir(Path artifactRoot, String what) {
        if (Files.isRegularFile(artifactRoot.resolve(CHART_FILE))) {
            return artifactRoot;
        }
        List<Path> charts = new ArrayList<>();
        try {
            for (Path entry : ChartWorkspace.sortedEntries(artifactRoot)) {
                if (Files.isDirectory(entry) && Files.isRegularFile(entry.resolve(CHART_FILE))) {
                    charts.add(entry);
                }
            }
        } catch (IOException e) {
            throw new HelmRenderException(HelmRenderException.Kind.ARTIFACT, "cannot read " + what + ": " + e.getMessage(), e);
        }
        if (charts.size() != 1) {
            throw new HelmRenderException(HelmRenderException.Kind.ARTIFACT, what + " is not a Helm chart: "
                    + (charts.isEmpty() ? "no Chart.yaml at its root or in a folder below it"
                    : "more than one folder holds a Chart.yaml (" + charts.stream().map(p -> p.getFileName().toString()).toList() + ")"));
        }
        return charts.get(0);
    }

    /** The {@code name} in {@code dir/Chart.yaml}. */
    static String chartName(Path dir) {
        return text(yamlMap(dir.resolve(CHART_FILE), dir.getFileName().toString()).get("name"));
    }

    /** Loads the chart in {@code dir}. */
    static LoadedChart load(Path dir, String what) {
        Map<String, Object> metadata = yamlMap(dir.resolve(CHART_FILE), what);
        String name = text(metadata.get("name"));
        String version = text(metadata.get("version"));
        if (name == null || name.isEmpty()) {
            throw new HelmRenderException(HelmRenderException.Kind.ARTIFACT, what + ": Chart.yaml has no name");
        }
        if (version == null || version.isEmpty()) {
            throw new HelmRenderException(HelmRenderException.Kind.ARTIFACT, what + ": Chart.yaml of chart '" + name + "' has no version");
        }
        ObjectNode json = HelmJson.object();
        json.set("metadata", metadataJson(metadata));
        json.set("lock", Files.isRegularFile(dir.resolve("Chart.lock")) ? lockJson(yamlMap(dir.resolve("Chart.lock"), what))
                : HelmJson.NODES.nullNode());
        List<Path> files = new ArrayList<>();
        walk(dir, dir, files);
        ArrayNode templates = HelmJson.NODES.arrayNode();
        ArrayNode others = HelmJson.NODES.arrayNode();
        for (Path file : files) {
            String rel = dir.relativize(file).toString().replace('\\', '/');
            if (rel.equals(CHART_FILE) || rel.equals("Chart.lock") || rel.equals("values.yaml") || rel.equals("values.schema.json")
                    || rel.startsWith("charts/")) {
                continue;
            }
            (rel.startsWith("templates/") ? templates : others).add(file(rel, read(file, what)));
        }
        json.set("templates", templates.isEmpty() ? HelmJson.NODES.nullNode() : templates);
        Path valuesFile = dir.resolve("values.yaml");
        json.set("values", Files.isRegularFile(valuesFile) ? HelmJson.tree(yamlMap(valuesFile, what)) : HelmJson.NODES.nullNode());
        Path schema = dir.resolve("values.schema.json");
        json.set("schema", Files.isRegularFile(schema) ? HelmJson.NODES.textNode(base64(read(schema, what))) : HelmJson.NODES.nullNode());
        json.put("schemamodtime", "0001-01-01T00:00:00Z"); // Helm 4 writes this zero time for a chart read from an archive
        json.set("files", others.isEmpty() ? HelmJson.NODES.nullNode() : others);
        return new LoadedChart(name, version, text(metadata.get("appVersion")), json);
    }

    private static JsonNode metadataJson(Map<String, Object> metadata) {
        ObjectNode out = HelmJson.object();
        for (String field : METADATA_FIELDS) {
            Object value = metadata.get(field);
            if (value == null || value instanceof String s && s.isEmpty() || Boolean.FALSE.equals(value)
                    || value instanceof List<?> l && l.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
                continue;
            }
            if (field.equals("dependencies") && value instanceof List<?> deps) {
                ArrayNode list = out.putArray(field);
                deps.forEach(dep -> list.add(dependencyJson(Values.asMap(dep))));
            } else if (field.equals("maintainers") || field.equals("annotations") || field.equals("sources") || field.equals("keywords")) {
                out.set(field, HelmJson.tree(value));
            } else if (value instanceof Boolean b) {
                out.put(field, b);
            } else {
                out.put(field, text(value));
            }
        }
        return out;
    }

    /** Helm's Dependency: name and repository always, the rest when set. */
    private static JsonNode dependencyJson(Map<String, Object> dep) {
        ObjectNode out = HelmJson.object();
        out.put("name", dep == null ? "" : String.valueOf(dep.getOrDefault("name", "")));
        if (dep == null) {
            out.put("repository", "");
            return out;
        }
        putText(out, "version", dep.get("version"));
        out.put("repository", dep.get("repository") == null ? "" : text(dep.get("repository")));
        putText(out, "condition", dep.get("condition"));
        if (dep.get("tags") instanceof List<?> tags && !tags.isEmpty()) {
            out.set("tags", HelmJson.tree(tags));
        }
        if (Boolean.TRUE.equals(dep.get("enabled"))) {
            out.put("enabled", true);
        }
        if (dep.get("import-values") instanceof List<?> imports && !imports.isEmpty()) {
            out.set("import-values", HelmJson.tree(imports));
        }
        putText(out, "alias", dep.get("alias"));
        return out;
    }

    private static JsonNode lockJson(Map<String, Object> lock) {
        ObjectNode out = HelmJson.object();
        out.put("generated", text(lock.get("generated")) == null ? "0001-01-01T00:00:00Z" : text(lock.get("generated")));
        out.put("digest", text(lock.get("digest")) == null ? "" : text(lock.get("digest")));
        ArrayNode deps = out.putArray("dependencies");
        if (lock.get("dependencies") instanceof List<?> list) {
            list.forEach(dep -> deps.add(dependencyJson(Values.asMap(dep))));
        }
        return out;
    }

    private static ObjectNode file(String name, byte[] data) {
        ObjectNode out = HelmJson.object();
        out.put("name", name);
        out.put("data", base64(data));
        return out;
    }

    private static void putText(ObjectNode out, String field, Object value) {
        String text = text(value);
        if (text != null && !text.isEmpty()) {
            out.put(field, text);
        }
    }

    /** Every regular file below {@code dir} in Go's filepath.Walk order. */
    private static void walk(Path root, Path dir, List<Path> into) {
        try {
            for (Path entry : ChartWorkspace.sortedEntries(dir)) {
                if (Files.isDirectory(entry)) {
                    walk(root, entry, into);
                } else if (Files.isRegularFile(entry)) {
                    into.add(entry);
                }
            }
        } catch (IOException e) {
            throw new HelmRenderException(HelmRenderException.Kind.ARTIFACT, "cannot read the chart: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> yamlMap(Path file, String what) {
        String name = file.getFileName().toString();
        Object parsed;
        try {
            parsed = YamlReader.readOne(new String(read(file, what), StandardCharsets.UTF_8), name, true);
        } catch (KustomizeException e) {
            throw new HelmRenderException(HelmRenderException.Kind.ARTIFACT, what + ": " + e.getMessage(), e);
        }
        if (parsed == null) {
            return Map.of();
        }
        Map<String, Object> map = Values.asMap(parsed);
        if (map == null) {
            throw new HelmRenderException(HelmRenderException.Kind.ARTIFACT, what + ": " + name + " is not a YAML map");
        }
        return map;
    }

    private static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new HelmRenderException(HelmRenderException.Kind.ARTIFACT, "cannot read " + file.getFileName() + " of " + what
                    + ": " + e.getMessage(), e);
        }
    }

    private static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return Values.isScalar(value) ? Values.scalarText(value) : String.valueOf(value);
    }
}
