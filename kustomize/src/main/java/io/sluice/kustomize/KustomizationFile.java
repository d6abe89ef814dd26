package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed kustomization.yaml (or Component); unknown and unsupported fields are errors. */
public final class KustomizationFile {
    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private static final Set<String> SUPPORTED = Set.of(
            "apiVersion", "kind", "metadata", "resources", "bases", "components", "namespace", "namePrefix",
            "nameSuffix", "commonLabels", "labels", "commonAnnotations", "images", "replicas", "patches",
            "patchesStrategicMerge", "patchesJson6902", "configMapGenerator", "secretGenerator", "generatorOptions",
            "replacements", "vars", "crds", "sortOptions", "configurations", "transformers", "generators", "openapi",
            "buildMetadata");
    private static final Set<String> UNSUPPORTED = Set.of(
            "helmCharts", "helmGlobals", "helmChartInflationGenerator", "validators");

    private final Map<String, Object> raw;
    private final String path;

    private KustomizationFile(Map<String, Object> raw, String path) {
        this.raw = raw;
        this.path = path;
    }

    /** Finds and parses the kustomization file of {@code dir}. */
    public static KustomizationFile load(Path dir) {
        List<Path> found = files(dir);
        if (found.isEmpty()) {
            throw new KustomizeException("unable to find one of 'kustomization.yaml', 'kustomization.yml' or "
                    + "'Kustomization' in directory '" + dir + "'");
        }
        Path file = found.get(0);
        String text;
        try {
            text = Files.readString(file);
        } catch (java.io.IOException e) {
            throw new KustomizeException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * {@code dir}'s kustomization with {@code text} as its content instead of what is on disk (as Flux's generator
     * rewrites it in memory); named after the file that is there, or kustomization.yaml.
     */
    static KustomizationFile withContent(Path dir, String text) {
        List<Path> found = files(dir);
        return parse(text, (found.isEmpty() ? dir.resolve(FILE_NAMES.get(0)) : found.get(0)).toString());
    }

    private static List<Path> files(Path dir) {
        List<Path> found = new ArrayList<>();
        for (String n : FILE_NAMES) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) {
                found.add(p);
            }
        }
        if (found.size() > 1) {
            throw new KustomizeException("found multiple kustomization files under: " + dir + " " + found);
        }
        return found;
    }

    public static KustomizationFile parse(String text, String path) {
        Object doc = YamlReader.readOne(text, path, true);
        if (doc == null) {
            doc = new LinkedHashMap<String, Object>();
        }
        Map<String, Object> m = Values.asMap(doc);
        if (m == null) {
            throw new KustomizeException(path + ": a kustomization must be a YAML mapping");
        }
        KustomizationSchema.canonicalizeKeys(m, KustomizationSchema.kustomizationType());
        for (String key : m.keySet()) {
            if (UNSUPPORTED.contains(key)) {
                throw new KustomizeException(path + ": field '" + key + "' is not supported by this kustomize engine "
                        + "(no plugins, KRM functions or Helm); render it beforehand and list the output under resources");
            }
            if (!SUPPORTED.contains(key)) {
                throw new KustomizeException(path + ": invalid Kustomization: json: unknown field \"" + key + "\"");
            }
        }
        boolean onlyHeader = true;
        for (String k : m.keySet()) {
            onlyHeader &= k.equals("apiVersion") || k.equals("kind");
        }
        if (onlyHeader) {
            throw new KustomizeException(path + ": kustomization.yaml is empty (it has no resources, generators or "
                    + "transformers)");
        }
        KustomizationSchema.check(m, path);
        String kind = Resource.str(m.get("kind"));
        if (!kind.isEmpty() && !kind.equals("Kustomization") && !kind.equals("Component")) {
            throw new KustomizeException(path + ": kind '" + kind + "' is not Kustomization or Component");
        }
        String apiVersion = Resource.str(m.get("apiVersion"));
        if (!apiVersion.isEmpty()) {
            String want = kind.equals("Component") ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1";
            if (!apiVersion.equals(want)) {
                throw new KustomizeException(path + ": apiVersion for " + (kind.isEmpty() ? "Kustomization" : kind)
                        + " should be " + want + ", not '" + apiVersion + "'");
            }
        }
        return new KustomizationFile(m, path);
    }

    /** A kustomization made up in code (used to run builtin plugin configs through the same transformers). */
    static KustomizationFile synthetic(Map<String, Object> raw, String path) {
        return new KustomizationFile(raw, path);
    }

    public String path() {
        return path;
    }

    public boolean isComponent() {
        return "Component".equals(Resource.str(raw.get("kind")));
    }

    public Object get(String field) {
        return raw.get(field);
    }

    public String string(String field) {
        Object v = raw.get(field);
        if (v == null) {
            return "";
        }
        if (!Values.isScalar(v)) {
            throw new KustomizeException(path + ": field '" + field + "' must be a string");
        }
        return Resource.str(v);
    }

    /** A list of strings (resources, components, ...). */
    public List<String> strings(String field) {
        Object v = raw.get(field);
        if (v == null) {
            return List.of();
        }
        List<Object> l = Values.asList(v);
        if (l == null) {
            throw new KustomizeException(path + ": field '" + field + "' must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (!Values.isScalar(o) || o == null) {
                throw new KustomizeException(path + ": field '" + field + "' must be a list of strings, found: " + o);
            }
            out.add(Resource.str(o));
        }
        return out;
    }

    /** A list of mappings (patches, images, configMapGenerator, ...). */
    public List<Map<String, Object>> maps(String field) {
        Object v = raw.get(field);
        if (v == null) {
            return List.of();
        }
        List<Object> l = Values.asList(v);
        if (l == null) {
            throw new KustomizeException(path + ": field '" + field + "' must be a list");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : l) {
            Map<String, Object> m = Values.asMap(o);
            if (m == null) {
                throw new KustomizeException(path + ": each entry of '" + field + "' must be a mapping, found: " + o);
            }
            out.add(m);
        }
        return out;
    }

    /** A string-to-string map (commonLabels, commonAnnotations). */
    public Map<String, String> stringMap(String field) {
        return stringMap(raw.get(field), field);
    }

    Map<String, String> stringMap(Object v, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        Map<String, Object> m = Values.asMap(v);
        if (m == null) {
            throw new KustomizeException(path + ": field '" + field + "' must be a map of strings");
        }
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (!Values.isScalar(e.getValue())) {
                throw new KustomizeException(path + ": field '" + field + "." + e.getKey() + "' must be a string");
            }
            out.put(e.getKey(), e.getValue() == null ? "" : Resource.str(e.getValue()));
        }
        return out;
    }

    public Map<String, Object> map(String field) {
        Object v = raw.get(field);
        if (v == null) {
            return null;
        }
        Map<String, Object> m = Values.asMap(v);
        if (m == null) {
            throw new KustomizeException(path + ": field '" + field + "' must be a mapping");
        }
        return m;
    }
}
