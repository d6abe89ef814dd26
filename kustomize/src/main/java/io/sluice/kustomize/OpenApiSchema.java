package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A custom OpenAPI schema given by a kustomization's {@code openapi: {path: ...}}: which list
 * fields of which kinds merge, and by which keys, in strategic merge patches, and which kinds are
 * cluster-scoped (from its {@code paths}). As in kustomize, it replaces the built-in Kubernetes
 * schema for the rest of the build ({@link OpenApiState}).
 */
final class OpenApiSchema {
    /** gvk apiVersion/kind -> field path (names joined by "/") -> merge keys (empty: merged scalar list). */
    private final Map<String, Map<String, List<String>>> lists = new HashMap<>();
    /** apiVersion/kind -> namespaced, from the schema's paths (a GET path with namespaces/{namespace} makes it so). */
    private final Map<String, Boolean> namespaced = new HashMap<>();

    private OpenApiSchema() {
    }

    static OpenApiSchema parse(String text, String source) {
        Map<String, Object> doc = Values.asMap(YamlReader.readOne(text, source));
        Map<String, Object> defs = doc == null ? null : Values.asMap(doc.get("definitions"));
        if (defs == null) {
            throw new KustomizeException(source + ": an openapi schema must have a 'definitions' map");
        }
        OpenApiSchema s = new OpenApiSchema();
        s.readPaths(Values.asMap(doc.get("paths")));
        for (Object def : defs.values()) {
            List<Object> gvks = Values.asList(Values.get(def, "x-kubernetes-group-version-kind"));
            if (gvks == null) {
                continue;
            }
            Map<String, List<String>> fields = new HashMap<>();
            s.walk(defs, Values.asMap(def), "", fields, 0);
            for (Object g : gvks) {
                Map<String, Object> gm = Values.asMap(g);
                String group = Resource.str(gm.get("group"));
                String av = (group.isEmpty() ? "" : group + "/") + Resource.str(gm.get("version"));
                s.lists.put(av + "/" + Resource.str(gm.get("kind")), fields);
            }
        }
        return s;
    }

    private void readPaths(Map<String, Object> paths) {
        if (paths == null) {
            return;
        }
        for (Map.Entry<String, Object> e : paths.entrySet()) {
            Map<String, Object> gvk = Values.asMap(Values.get(e.getValue(), "get", "x-kubernetes-group-version-kind"));
            if (gvk == null) {
                continue;
            }
            String group = Resource.str(gvk.get("group"));
            String key = (group.isEmpty() ? "" : group + "/") + Resource.str(gvk.get("version")) + "/" + Resource.str(gvk.get("kind"));
            if (e.getKey().contains("namespaces/{namespace}")) {
                namespaced.put(key, true);
            } else {
                namespaced.putIfAbsent(key, false);
            }
        }
    }

    /** True when the schema's paths show {@code gvk} only without a namespace. */
    boolean isClusterScoped(Gvk gvk) {
        return Boolean.FALSE.equals(namespaced.get(gvk.apiVersion() + "/" + gvk.kind()));
    }

    /** True when the schema has a definition for {@code gvk}. */
    boolean defines(Gvk gvk) {
        return lists.containsKey(gvk.apiVersion() + "/" + gvk.kind());
    }

    /** Merge keys for the list at {@code path} of an object of {@code gvk}; null when it is replaced. */
    List<String> keys(Gvk gvk, List<String> path) {
        Map<String, List<String>> fields = lists.get(gvk.apiVersion() + "/" + gvk.kind());
        return fields == null ? null : fields.get(String.join("/", path));
    }

    private Map<String, Object> resolve(Map<String, Object> defs, Map<String, Object> node) {
        int guard = 0;
        while (node != null && node.get("$ref") instanceof String ref && guard++ < 20) {
            node = Values.asMap(defs.get(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        return node;
    }

    private void walk(Map<String, Object> defs, Map<String, Object> node, String path, Map<String, List<String>> out,
                      int depth) {
        node = resolve(defs, node);
        if (node == null || depth > 40) {
            return;
        }
        Map<String, Object> props = Values.asMap(node.get("properties"));
        if (props == null) {
            return;
        }
        for (Map.Entry<String, Object> e : props.entrySet()) {
            Map<String, Object> prop = resolve(defs, Values.asMap(e.getValue()));
            if (prop == null) {
                continue;
            }
            String here = path.isEmpty() ? e.getKey() : path + "/" + e.getKey();
            if (prop.containsKey("items") || "array".equals(prop.get("type"))) {
                List<String> keys = listKeys(prop);
                if (keys != null) {
                    out.put(here, keys);
                }
                walk(defs, Values.asMap(prop.get("items")), here, out, depth + 1);
            } else {
                walk(defs, prop, here, out, depth + 1);
            }
        }
    }

    private static List<String> listKeys(Map<String, Object> prop) {
        List<Object> mapKeys = Values.asList(prop.get("x-kubernetes-list-map-keys"));
        String strategy = Resource.str(prop.get("x-kubernetes-patch-strategy"));
        Object mergeKey = prop.get("x-kubernetes-patch-merge-key");
        List<String> keys = new ArrayList<>();
        if (mapKeys != null) {
            mapKeys.forEach(k -> keys.add(Resource.str(k)));
            return keys;
        }
        if (mergeKey instanceof String k) {
            keys.add(k);
            return keys;
        }
        return strategy.contains("merge") ? keys : null;
    }
}
