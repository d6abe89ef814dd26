package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns YAML text into resources: one per document, "List" kinds flattened. */
final class ResourceReader {
    private ResourceReader() {
    }

    static List<Resource> read(String text, String source) {
        List<Resource> out = new ArrayList<>();
        for (Object doc : YamlReader.readAll(text, source)) {
            add(doc, source, out);
        }
        return out;
    }

    private static void add(Object doc, String source, List<Resource> out) {
        if (doc == null) {
            return;
        }
        Map<String, Object> m = Values.asMap(doc);
        if (m == null) {
            throw new KustomizeException(source + ": expected a Kubernetes object (a YAML mapping), found: "
                    + shorten(String.valueOf(doc)));
        }
        if (m.isEmpty()) {
            return;
        }
        String kind = Resource.str(m.get("kind"));
        if (kind.endsWith("List") && m.get("items") instanceof List<?> items) {
            for (Object item : items) {
                add(item, source, out);
            }
            return;
        }
        if (kind.isEmpty()) {
            throw new KustomizeException(source + ": missing Resource metadata: object has no 'kind' field");
        }
        if (kind.equals("Kustomization") || kind.equals("Component")) {
            if (Resource.str(m.get("apiVersion")).startsWith("kustomize.config.k8s.io")) {
                throw new KustomizeException(source + ": this is a " + kind
                        + " file, not a resource; list its directory under resources instead");
            }
        }
        if (Resource.str(io.sluice.kustomize.yaml.Values.get(m, "metadata", "name")).isEmpty()) {
            throw new KustomizeException(source + ": missing metadata.name in object of kind " + kind);
        }
        out.add(new Resource(m, source));
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
