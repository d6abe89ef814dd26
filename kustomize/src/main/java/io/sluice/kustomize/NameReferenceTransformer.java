package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * After renames (prefix, suffix, namespace, hash), points every reference (configMapRef,
 * serviceAccountName, roleRef, ...) at the new name, choosing among candidates as kustomize does.
 */
final class NameReferenceTransformer {
    private NameReferenceTransformer() {
    }

    static void apply(ResMap m, TransformerConfig tc) {
        List<Resource> all = new ArrayList<>(m.resources());
        // kustomize works out every RoleBinding's candidates first, refusing a ServiceAccount subject without a namespace
        for (Resource r : all) {
            if (!r.curId().gvk().isClusterScoped()) {
                subjectNamespaces(r);
            }
        }
        // only renamed objects can be referred to under an old name: nothing to do without them
        boolean renamed = false;
        for (Resource r : all) {
            renamed |= !r.prevIds.isEmpty();
        }
        if (!renamed) {
            return;
        }
        java.util.Map<Resource, Gvk> orgGvk = new java.util.IdentityHashMap<>();
        // referrers by original kind: most fieldSpecs name a kind, so only those objects need a look
        java.util.Map<String, List<Resource>> byKind = new java.util.HashMap<>();
        for (Resource r : all) {
            Gvk g = r.orgId().gvk();
            orgGvk.put(r, g);
            List<Resource> ofKind = byKind.get(g.kind());
            if (ofKind == null) {
                ofKind = new ArrayList<>();
                byKind.put(g.kind(), ofKind);
            }
            ofKind.add(r);
        }
        java.util.Map<Resource, List<Resource>> candidatesOf = new java.util.IdentityHashMap<>();
        for (TransformerConfig.NameBackRef backRef : tc.nameReferences()) {
            for (FieldSpec spec : backRef.referrers()) {
                FieldSpec walk = new FieldSpec(spec.gvk(), spec.path(), false);
                List<Resource> referrers = spec.gvk().kind().isEmpty() ? all : byKind.getOrDefault(spec.gvk().kind(), List.of());
                for (Resource referrer : referrers) {
                    if (!orgGvk.get(referrer).isSelectedBy(spec.gvk())) {
                        continue;
                    }
                    walk.apply(referrer.map(), new Fixer(referrer, backRef.target(), spec, all, candidatesOf));
                }
            }
        }
    }

    private static List<Resource> couldBeReferencedBy(List<Resource> all, Resource referrer) {
        ResId rid = referrer.curId();
        if (rid.gvk().isClusterScoped()) {
            return all;
        }
        java.util.Set<String> subjectNamespaces = subjectNamespaces(referrer);
        List<Resource> out = new ArrayList<>();
        for (Resource r : all) {
            ResId id = r.curId();
            if (id.gvk().isClusterScoped() || id.isNsEquals(rid) || subjectNamespaces.contains(id.namespace())) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The namespaces of the ServiceAccounts a RoleBinding names in its subjects (a RoleBinding may refer to those
     * of other namespaces); empty for other kinds. A subject with a namespace field that is not a string fails,
     * as in kustomize.
     */
    private static java.util.Set<String> subjectNamespaces(Resource referrer) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (!referrer.kind().equals("RoleBinding") || !(referrer.map().get("subjects") instanceof List<?> subjects)) {
            return out;
        }
        for (int i = 0; i < subjects.size(); i++) {
            if (subjects.get(i) instanceof Map<?, ?> sm && "ServiceAccount".equals(sm.get("kind")) && sm.containsKey("namespace")) {
                if (!(sm.get("namespace") instanceof String ns)) {
                    throw new KustomizeException(referrer.curId().describe() + (referrer.source != null ? " (from " + referrer.source + ")" : "")
                            + ": subjects[" + i + "].namespace of ServiceAccount '" + sm.get("name") + "' is blank ("
                            + (sm.get("namespace") == null ? "null" : "not a string: " + sm.get("namespace"))
                            + "); give the namespace as a string, or leave the field out");
                }
                out.add(ns);
            }
        }
        return out;
    }

    /** Updates the references of one referrer field (a class, not lambdas: cheaper on a cold start). */
    private static final class Fixer implements FieldSpec.FieldVisitor {
        private final Resource referrer;
        private final Gvk target;
        private final FieldSpec spec;
        private final List<Resource> all;
        /** The candidates of each referrer, worked out when first needed. */
        private final java.util.Map<Resource, List<Resource>> candidatesOf;

        Fixer(Resource referrer, Gvk target, FieldSpec spec, List<Resource> all, java.util.Map<Resource, List<Resource>> candidatesOf) {
            this.referrer = referrer;
            this.target = target;
            this.spec = spec;
            this.all = all;
            this.candidatesOf = candidatesOf;
        }

        List<Resource> candidates() {
            List<Resource> c = candidatesOf.get(referrer);
            if (c == null) {
                c = couldBeReferencedBy(all, referrer);
                candidatesOf.put(referrer, c);
            }
            return c;
        }

        @Override
        public void visit(Map<String, Object> parent, String key) {
            Object v = parent.get(key);
            if (v == null) {
                return;
            }
            if (v instanceof Map<?, ?>) {
                setMapping(Values.asMap(v));
            } else if (v instanceof List<?> l) {
                List<Object> list = Values.asList(v);
                for (int i = 0; i < l.size(); i++) {
                    Object el = l.get(i);
                    if (el instanceof Map<?, ?>) {
                        setMapping(Values.asMap(el));
                    } else if (el instanceof String s) {
                        Resource ref = select(s, candidates(), false);
                        if (ref != null) {
                            list.set(i, ref.name());
                        }
                    }
                }
            } else if (v instanceof String s) {
                Resource ref = select(s, candidates(), false);
                if (ref != null && !ref.name().equals(s)) {
                    parent.put(key, ref.name());
                }
            }
        }

        private void setMapping(Map<String, Object> node) {
            if (!node.containsKey("name")) {
                throw new KustomizeException("name reference in '" + spec.path() + "' of " + referrer.curId().describe()
                        + ": path config error; no 'name' field in node");
            }
            List<Resource> cands = candidates();
            if (node.get("namespace") instanceof String ns) {
                List<Resource> byOrg = new ArrayList<>();
                for (Resource r : cands) {
                    if (r.orgId().namespace().equals(ns)) {
                        byOrg.add(r);
                    }
                }
                if (byOrg.isEmpty()) {
                    for (Resource r : candidates()) {
                        if (r.curId().namespace().equals(ns)) {
                            byOrg.add(r);
                        }
                    }
                }
                cands = byOrg;
            }
            String oldName = Resource.str(node.get("name"));
            Resource ref = select(oldName, cands, true);
            if (ref == null) {
                return;
            }
            if (ref.name().equals(oldName) && ref.namespace().isEmpty()) {
                return;
            }
            node.put("name", ref.name());
            if (!ref.namespace().isEmpty()) {
                node.put("namespace", ref.namespace());
            }
        }

        private Resource select(String oldName, List<Resource> in, boolean withNamespace) {
            // the two first filters as one plain loop: it runs for every reference in every object
            List<Resource> c = new ArrayList<>();
            for (Resource r : in) {
                boolean named = false;
                boolean targeted = false;
                for (ResId id : r.prevIds) {
                    named |= id.name().equals(oldName);
                    targeted |= id.gvk().isSelectedBy(target);
                }
                if (named && targeted) {
                    c.add(r);
                }
            }
            if (spec.path().endsWith("roleRef/name")) {
                Map<String, Object> roleRef = Values.asMap(referrer.map().get("roleRef"));
                if (roleRef != null && roleRef.get("apiGroup") != null && roleRef.get("kind") != null) {
                    Gvk rg = new Gvk(Resource.str(roleRef.get("apiGroup")), "", Resource.str(roleRef.get("kind")));
                    List<Resource> byRole = new ArrayList<>();
                    for (Resource r : c) {
                        boolean any = false;
                        for (ResId id : r.prevIds) {
                            any |= id.gvk().isSelectedBy(rg);
                        }
                        if (any) {
                            byRole.add(r);
                        }
                    }
                    c = byRole;
                }
            }
            ResId rid = referrer.curId();
            if (!rid.gvk().isClusterScoped()) {
                List<Resource> inNamespace = new ArrayList<>();
                for (Resource r : c) {
                    if (r.curId().gvk().isClusterScoped() || r.kind().equals("ServiceAccount") || rid.isNsEquals(r.curId())) {
                        inNamespace.add(r);
                    }
                }
                c = inNamespace;
            }
            if (c.size() == 1) {
                return c.get(0);
            }
            c = sameAffixes(c, referrer, true);
            if (c.size() > 1) {
                c = sameAffixes(c, referrer, false);
            }
            if (c.size() == 1) {
                return c.get(0);
            }
            if (c.isEmpty()) {
                return null;
            }
            Resource first = c.get(0);
            boolean same = true;
            for (Resource r : c) {
                same &= r.name().equals(first.name()) && (!withNamespace || r.namespace().equals(first.namespace()));
            }
            if (same) {
                return first;
            }
            List<String> ids = new ArrayList<>();
            for (Resource r : c) {
                ids.add(r.curId().describe());
            }
            throw new KustomizeException("found multiple possible referrals for '" + oldName + "' in field '" + spec.path()
                    + "' of " + referrer.curId().describe() + ": " + ids);
        }
    }

    /** The candidates whose name prefixes and suffixes are those of the referrer (plain loops: no lambdas to link). */
    private static List<Resource> sameAffixes(List<Resource> in, Resource referrer, boolean allowEmpty) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : in) {
            if (affixesEqual(r, referrer, allowEmpty)) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean affixesEqual(Resource a, Resource b, boolean allowEmpty) {
        if (allowEmpty) {
            boolean prefixEmpty = a.prefixes.isEmpty() || b.prefixes.isEmpty();
            boolean suffixEmpty = a.suffixes.isEmpty() || b.suffixes.isEmpty();
            return (prefixEmpty || sameEnding(a.prefixes, b.prefixes)) && (suffixEmpty || sameEnding(a.suffixes, b.suffixes));
        }
        return sameEnding(a.prefixes, b.prefixes) && sameEnding(a.suffixes, b.suffixes);
    }

    private static boolean sameEnding(List<String> x, List<String> y) {
        List<String> shortest = x.size() <= y.size() ? x : y;
        List<String> longest = x.size() <= y.size() ? y : x;
        int diff = longest.size() - shortest.size();
        if (shortest.isEmpty()) {
            return diff == 0;
        }
        for (int i = shortest.size() - 1; i >= 0; i--) {
            if (!longest.get(i + diff).equals(shortest.get(i))) {
                return false;
            }
        }
        return true;
    }
}
