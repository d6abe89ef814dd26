package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * crds: OpenAPI definitions (name -> {Schema: {properties}}) whose properties carry kustomize's
 * hints: x-kubernetes-object-ref-kind/-api-version/-name-key (a name reference),
 * x-kubernetes-annotation, x-kubernetes-label-selector and x-kubernetes-identity. Direct $ref
 * properties are followed; array items are not (as in kustomize).
 */
final class CrdConfig {
    private CrdConfig() {
    }

    static TransformerConfig fromCrdFile(String text, String source) {
        Map<String, Object> defs = Values.asMap(YamlReader.readOne(text, source));
        if (defs == null) {
            throw new KustomizeException("unable to parse open API definition from '" + source
                    + "': expected a map of type name to definition");
        }
        TransformerConfig tc = TransformerConfig.empty();
        for (Map.Entry<String, Object> e : defs.entrySet()) {
            Map<String, Object> props = properties(e.getValue());
            if (props == null || !props.containsKey("kind") || !props.containsKey("apiVersion")
                    || !props.containsKey("metadata")) {
                continue;
            }
            String name = e.getKey();
            Gvk gvk = new Gvk("", "", name.substring(name.lastIndexOf('.') + 1));
            load(tc, gvk, defs, name, new ArrayList<>(), 0);
        }
        return tc;
    }

    private static Map<String, Object> properties(Object def) {
        return Values.asMap(Values.get(def, "Schema", "properties"));
    }

    private static void load(TransformerConfig tc, Gvk gvk, Map<String, Object> defs, String typeName, List<String> path,
                             int depth) {
        Map<String, Object> props = properties(defs.get(typeName));
        if (props == null || depth > 50) {
            return;
        }
        for (Map.Entry<String, Object> p : props.entrySet()) {
            Map<String, Object> prop = Values.asMap(p.getValue());
            if (prop == null) {
                continue;
            }
            List<String> here = new ArrayList<>(path);
            here.add(p.getKey());
            String joined = String.join("/", here);
            if (prop.containsKey("x-kubernetes-annotation")) {
                tc.addSpec("commonAnnotations", new FieldSpec(gvk, joined, false));
            }
            if (prop.containsKey("x-kubernetes-label-selector")) {
                tc.addSpec("commonLabels", new FieldSpec(gvk, joined, false));
            }
            if (prop.containsKey("x-kubernetes-identity")) {
                tc.addSpec("namePrefix", new FieldSpec(gvk, joined, false));
            }
            Object version = prop.get("x-kubernetes-object-ref-api-version");
            Object kind = prop.get("x-kubernetes-object-ref-kind");
            if (version instanceof String v && kind instanceof String k) {
                Object nameKey = prop.get("x-kubernetes-object-ref-name-key");
                String key = nameKey instanceof String s ? s : "name";
                tc.addNameReference(new Gvk("", v, k), new FieldSpec(gvk, joined + "/" + key, false));
            }
            if (prop.get("$ref") instanceof String ref) {
                load(tc, gvk, defs, ref, here, depth + 1);
            }
        }
    }
}
