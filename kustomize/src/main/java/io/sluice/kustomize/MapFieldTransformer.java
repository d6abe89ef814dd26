package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds key/value pairs to string maps found by fieldSpecs (labels, selectors, annotations). */
final class MapFieldTransformer {
    private MapFieldTransformer() {
    }

    static void apply(ResMap m, Map<String, String> pairs, List<FieldSpec> specs) {
        if (pairs.isEmpty()) {
            return; // nothing to add: no field is created either
        }
        for (Resource r : m.resources()) {
            Gvk gvk = r.gvk();
            for (FieldSpec fs : specs) {
                if (!fs.appliesTo(gvk)) {
                    continue;
                }
                fs.apply(r.map(), new FieldSpec.FieldVisitor() {
                    @Override
                    public void visit(Map<String, Object> parent, String key) {
                        Object cur = parent.get(key);
                        Map<String, Object> target = Values.asMap(cur);
                        if (target == null) {
                            if (cur != null) {
                                throw new KustomizeException(r.curId().describe() + ": field '" + fs.path()
                                        + "' is not a map, cannot add " + pairs.keySet());
                            }
                            target = new LinkedHashMap<>();
                            parent.put(key, target);
                        }
                        for (Map.Entry<String, String> e : pairs.entrySet()) {
                            target.put(e.getKey(), e.getValue());
                        }
                    }
                });
            }
        }
    }
}
