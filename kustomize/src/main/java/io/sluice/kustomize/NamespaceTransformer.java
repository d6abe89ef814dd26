package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.List;
import java.util.Map;

/** namespace: sets metadata.namespace on namespaced objects and the fields kustomize knows refer to it. */
final class NamespaceTransformer {
    private NamespaceTransformer() {
    }

    static void apply(ResMap m, String namespace, List<FieldSpec> specs) {
        apply(m, namespace, specs, false, "defaultOnly");
    }

    static void apply(ResMap m, String namespace, List<FieldSpec> specs, boolean unsetOnly, String subjectsMode) {
        for (Resource r : m.resources()) {
            Gvk gvk = r.gvk();
            r.storePreviousId();
            if (!gvk.isClusterScoped()) {
                FieldSpec.FieldVisitor set = setter(namespace, unsetOnly);
                new FieldSpec(new Gvk("", "", ""), "metadata/namespace", true).apply(r.map(), set);
            }
            if (gvk.kind().equals("RoleBinding") || gvk.kind().equals("ClusterRoleBinding")) {
                List<Object> subjects = Values.asList(r.map().get("subjects"));
                if (subjects != null && !subjectsMode.equals("none")) {
                    for (Object s : subjects) {
                        Map<String, Object> sm = Values.asMap(s);
                        if (sm == null) {
                            continue;
                        }
                        boolean pick = subjectsMode.equals("allServiceAccounts")
                                ? "ServiceAccount".equals(sm.get("kind"))
                                : "default".equals(sm.get("name"));
                        if (pick) {
                            setter(namespace, unsetOnly).visit(sm, "namespace");
                        }
                    }
                }
            }
            for (FieldSpec fs : specs) {
                if (fs.path().equals("metadata/namespace")) {
                    continue;
                }
                if (fs.path().equals("metadata/name") && !r.apiVersion().equals("v1")) {
                    continue;
                }
                if ((gvk.kind().equals("RoleBinding") || gvk.kind().equals("ClusterRoleBinding"))
                        && fs.path().equals("subjects/namespace")) {
                    continue;
                }
                if (fs.appliesTo(gvk)) {
                    fs.apply(r.map(), setter(namespace, unsetOnly));
                }
            }
        }
        checkConflicts(m);
    }

    static void checkConflicts(ResMap m) {
        java.util.Map<String, Resource> seen = new java.util.HashMap<>();
        for (Resource r : m.resources()) {
            Resource first = seen.putIfAbsent(ResMap.key(r.curId()), r);
            if (first != null) {
                throw new KustomizeException("namespace transformation produces ID conflict: "
                        + first.curId().describe() + " (from " + first.source + " and " + r.source + ")");
            }
        }
    }

    private static FieldSpec.FieldVisitor setter(String namespace, boolean unsetOnly) {
        return new FieldSpec.FieldVisitor() {
            @Override
            public void visit(Map<String, Object> parent, String key) {
                Object cur = parent.get(key);
                if (cur != null && !Values.isScalar(cur)) {
                    throw new KustomizeException("namespace field specs must target scalar nodes, field '" + key + "' is not");
                }
                if (unsetOnly && cur != null && !Resource.str(cur).isEmpty()) {
                    return;
                }
                parent.put(key, namespace);
            }
        };
    }
}
