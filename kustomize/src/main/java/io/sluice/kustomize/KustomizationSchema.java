package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Type checks of a kustomization against kustomize's Go types: kustomize decodes the file
 * through JSON into typed structs, so `newTag: 1.10` (a number where a string belongs) or
 * `namespace: no` (a YAML 1.1 boolean) fail the build. We fail the same way, naming the field.
 */
final class KustomizationSchema {
    /** A field type. */
    sealed interface Type permits Str, Bool, Int, ListOf, MapOf, Obj, Any {
    }

    record Str() implements Type {
    }

    record Bool() implements Type {
    }

    record Int() implements Type {
    }

    record ListOf(Type element) implements Type {
    }

    record MapOf(Type value) implements Type {
    }

    /** An object with known fields; unknown fields are left to the owning code. */
    record Obj(Map<String, Type> fields) implements Type {
    }

    record Any() implements Type {
    }

    private static final Type S = new Str();
    private static final Type B = new Bool();
    private static final Type I = new Int();
    private static final Type LS = new ListOf(S);
    private static final Type MS = new MapOf(S);

    private static Type obj(Object... kv) {
        Map<String, Type> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Type) kv[i + 1]);
        }
        return new Obj(m);
    }

    private static final Type FIELD_SPEC = obj("path", S, "group", S, "version", S, "kind", S, "create", B);
    private static final Type SELECTOR = obj("group", S, "version", S, "kind", S, "name", S, "namespace", S,
            "labelSelector", S, "annotationSelector", S);
    private static final Type GEN_OPTIONS = obj("labels", MS, "annotations", MS, "disableNameSuffixHash", B,
            "immutable", B);
    private static final Type GENERATOR = obj("name", S, "namespace", S, "behavior", S, "type", S, "literals", LS,
            "files", LS, "envs", LS, "env", S, "options", GEN_OPTIONS);
    private static final Obj KUSTOMIZATION = (Obj) obj(
            "apiVersion", S, "kind", S, "namespace", S, "namePrefix", S, "nameSuffix", S,
            "resources", LS, "bases", LS, "components", LS, "crds", LS, "configurations", LS, "generators", LS,
            "transformers", LS, "validators", LS, "buildMetadata", LS, "patchesStrategicMerge", LS,
            "commonLabels", MS, "commonAnnotations", MS,
            "labels", new ListOf(obj("pairs", MS, "includeSelectors", B, "includeTemplates", B,
                    "fields", new ListOf(FIELD_SPEC))),
            "images", new ListOf(obj("name", S, "newName", S, "newTag", S, "digest", S, "tagSuffix", S)),
            "replicas", new ListOf(obj("name", S, "count", I)),
            "patches", new ListOf(obj("path", S, "patch", S, "target", SELECTOR, "options", new MapOf(B))),
            "patchesJson6902", new ListOf(obj("path", S, "patch", S, "target", SELECTOR)),
            "configMapGenerator", new ListOf(GENERATOR),
            "secretGenerator", new ListOf(GENERATOR),
            "generatorOptions", GEN_OPTIONS,
            "vars", new ListOf(obj("name", S, "objref", obj("kind", S, "name", S, "namespace", S, "apiVersion", S,
                    "group", S, "version", S), "fieldref", new Any())),
            "sortOptions", obj("order", S, "legacySortOptions", obj("orderFirst", LS, "orderLast", LS)),
            "openapi", MS,
            "replacements", new Any(), "metadata", new Any(), "helmCharts", new Any(), "helmGlobals", new Any(),
            "helmChartInflationGenerator", new Any(), "validators", LS);

    private KustomizationSchema() {
    }

    static Obj kustomizationType() {
        return KUSTOMIZATION;
    }

    static void check(Map<String, Object> raw, String file) {
        canonicalizeKeys(raw, KUSTOMIZATION);
        check(raw, KUSTOMIZATION, "", file);
    }

    /**
     * kustomize decodes through encoding/json, which matches field names case-insensitively
     * ("nameprefix" is namePrefix): rename such keys to their canonical spelling.
     */
    static void canonicalizeKeys(Map<String, Object> raw, Obj type) {
        for (String k : new java.util.ArrayList<>(raw.keySet())) {
            String canonical = k;
            if (!type.fields().containsKey(k)) {
                for (String f : type.fields().keySet()) {
                    if (f.equalsIgnoreCase(k)) {
                        canonical = f;
                        break;
                    }
                }
            }
            if (!canonical.equals(k)) {
                Object v = raw.remove(k);
                raw.putIfAbsent(canonical, v);
            }
            Type t = type.fields().get(canonical);
            Object v = raw.get(canonical);
            if (t instanceof Obj o && v instanceof Map<?, ?>) {
                canonicalizeKeys(Values.asMap(v), o);
            } else if (t instanceof ListOf l && l.element() instanceof Obj o && v instanceof List<?> list) {
                for (Object el : list) {
                    if (el instanceof Map<?, ?>) {
                        canonicalizeKeys(Values.asMap(el), o);
                    }
                }
            }
        }
    }

    private static void check(Object v, Type t, String path, String file) {
        if (v == null) {
            return;
        }
        if (t instanceof Str) {
            if (!(v instanceof String)) {
                throw mismatch(v, "string", path, file);
            }
        } else if (t instanceof Bool) {
            if (!(v instanceof Boolean)) {
                throw mismatch(v, "bool", path, file);
            }
        } else if (t instanceof Int) {
            if (!(v instanceof Long)) {
                throw mismatch(v, "integer", path, file);
            }
        } else if (t instanceof ListOf l) {
            List<Object> list = Values.asList(v);
            if (list == null) {
                throw mismatch(v, "list", path, file);
            }
            for (int k = 0; k < list.size(); k++) {
                check(list.get(k), l.element(), path + "[" + k + "]", file);
            }
        } else if (t instanceof MapOf m) {
            Map<String, Object> map = Values.asMap(v);
            if (map == null) {
                throw mismatch(v, "map", path, file);
            }
            for (Map.Entry<String, Object> e : map.entrySet()) {
                check(e.getValue(), m.value(), path + "." + e.getKey(), file);
            }
        } else if (t instanceof Obj o) {
            Map<String, Object> map = Values.asMap(v);
            if (map == null) {
                throw mismatch(v, "mapping", path, file);
            }
            for (Map.Entry<String, Object> e : map.entrySet()) {
                String k = e.getKey();
                Type ft = o.fields().get(k);
                if (ft != null) {
                    check(e.getValue(), ft, path.isEmpty() ? k : path + "." + k, file);
                }
            }
        }
    }

    private static KustomizeException mismatch(Object v, String want, String path, String file) {
        String got = v instanceof String ? "string" : v instanceof Boolean ? "bool"
                : v instanceof Number ? "number" : v instanceof Map ? "mapping" : v instanceof List ? "list" : "value";
        String hint = want.equals("string") && (v instanceof Number || v instanceof Boolean)
                ? " (quote it: YAML reads it as a " + got + ")" : "";
        return new KustomizeException(file + ": invalid Kustomization: field '" + path + "' must be a " + want + ", got "
                + got + " " + Values.scalarTextOrType(v) + hint);
    }
}
