package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.List;
import java.util.Map;

/** namePrefix / nameSuffix on metadata.name (and any configured name fields). */
final class PrefixSuffixTransformer {
    private PrefixSuffixTransformer() {
    }

    private static boolean skipped(Gvk gvk) {
        return gvk.kind().equals("CustomResourceDefinition") || gvk.kind().equals("Namespace")
                || (gvk.kind().equals("APIService") && gvk.group().equals("apiregistration.k8s.io"));
    }

    static void apply(ResMap m, String prefix, String suffix, List<FieldSpec> specs) {
        for (Resource r : m.resources()) {
            Gvk gvk = r.orgId().gvk();
            if (skipped(gvk)) {
                continue;
            }
            for (FieldSpec fs : specs) {
                if (!gvk.isSelectedBy(fs.gvk())) {
                    continue;
                }
                if (fs.path().equals("metadata/name")) {
                    if (!prefix.isEmpty()) {
                        r.prefixes.add(prefix);
                    }
                    if (!suffix.isEmpty()) {
                        r.suffixes.add(suffix);
                    }
                    r.storePreviousId();
                }
                // anonymous classes rather than lambdas on the build path: much cheaper to link on a cold start
                new FieldSpec(fs.gvk(), fs.path(), false).apply(r.map(), new FieldSpec.FieldVisitor() {
                    @Override
                    public void visit(Map<String, Object> parent, String key) {
                        Object cur = parent.get(key);
                        if (cur == null || !Values.isScalar(cur)) {
                            return;
                        }
                        parent.put(key, prefix + Resource.str(cur) + suffix);
                    }
                });
            }
        }
    }
}
