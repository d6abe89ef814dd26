package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** vars: $(NAME) references in varReference fields, replaced by a field of a named object. */
final class Vars {
    private static final Pattern REF = Pattern.compile("\\$\\(([^)]+)\\)");

    record Var(String name, Gvk gvk, String objName, String objNamespace, String fieldPath) {
    }

    private Vars() {
    }

    static void merge(KustomizationFile kust, Accumulator ra) {
        for (Map<String, Object> v : kust.maps("vars")) {
            String name = Resource.str(v.get("name"));
            Map<String, Object> objref = Values.asMap(v.get("objref"));
            if (name.isEmpty() || objref == null) {
                throw new KustomizeException(kust.path() + ": vars entry needs name and objref");
            }
            Map<String, Object> fieldref = Values.asMap(v.get("fieldref"));
            // kustomize decodes these through JSON, whose field names match case-insensitively
            Object fpv = fieldref == null ? null : ignoreCase(fieldref, "fieldPath");
            String fp = fpv == null ? "metadata.name" : Resource.str(fpv);
            Gvk gvk = Gvk.of(Resource.str(objref.get("apiVersion")), Resource.str(objref.get("kind")));
            if (objref.get("group") != null || objref.get("version") != null) {
                gvk = new Gvk(Resource.str(objref.get("group")), Resource.str(objref.get("version")), gvk.kind());
            }
            Var var = new Var(name, gvk, Resource.str(objref.get("name")), Resource.str(objref.get("namespace")), fp);
            // the target is found now, in the declaring kustomization, where it is unambiguous
            List<Resource> matches = new ArrayList<>();
            for (Resource r : ra.resMap.resources()) {
                for (ResId id : r.allIds()) {
                    if (id.gvk().isSelectedBy(gvk) && id.name().equals(var.objName())
                            && (var.objNamespace().isEmpty() || id.namespace().equals(var.objNamespace())
                            || id.effectiveNamespace().equals(var.objNamespace()))) {
                        matches.add(r);
                        break;
                    }
                }
            }
            if (matches.size() > 1) {
                throw new KustomizeException(kust.path() + ": found " + matches.size() + " resId matches for var '" + name
                        + "' (unable to disambiguate): " + matches);
            }
            if (matches.size() == 1) {
                matches.get(0).refVarNames.add(name);
            }
            addVar(ra.vars, var, kust.path());
        }
    }

    private static Object ignoreCase(Map<String, Object> m, String key) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    static void addVar(List<Var> vars, Var v, String where) {
        for (Var x : vars) {
            if (x.name().equals(v.name())) {
                throw new KustomizeException(where + ": var '" + v.name() + "' already encountered");
            }
        }
        vars.add(v);
    }

    static void resolve(Accumulator ra) {
        if (ra.vars.isEmpty()) {
            return;
        }
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (Var v : ra.vars) {
            Resource target = null;
            for (Resource r : ra.resMap.resources()) {
                if (r.refVarNames.contains(v.name())) {
                    target = r;
                    break;
                }
            }
            if (target == null) {
                throw new KustomizeException("var '" + v.name() + "' cannot be mapped to a field in the set of known resources"
                        + " (no object " + v.gvk().kind() + " named " + v.objName() + " where the var is declared)");
            }
            List<Resource> matches = List.of(target);
            List<Object> found = new ArrayList<>();
            FieldPath.visit(matches.get(0).map(), FieldPath.parse(v.fieldPath()), false, loc -> found.add(loc.get()));
            if (found.isEmpty() || !Values.isScalar(found.get(0))) {
                throw new KustomizeException("var '" + v.name() + "': field " + v.fieldPath() + " not found (or not a scalar) in "
                        + matches.get(0).curId().describe());
            }
            values.put(v.name(), found.get(0));
        }
        for (Resource r : ra.resMap.resources()) {
            for (FieldSpec fs : ra.config.specs("varReference")) {
                if (!fs.appliesTo(r.gvk())) {
                    continue;
                }
                new FieldSpec(fs.gvk(), fs.path(), false).apply(r.map(), (parent, key) -> parent.put(key,
                        substitute(parent.get(key), values)));
            }
        }
    }

    /** Kubernetes $(VAR) expansion: "$$" is a literal "$", unknown variables stay as written. */
    static String expand(String s, Map<String, Object> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '$' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(i + 1);
            if (n == '$') {
                out.append('$');
                i++;
            } else if (n == '(') {
                int close = s.indexOf(')', i + 2);
                if (close < 0) {
                    out.append(s, i, s.length());
                    break;
                }
                String name = s.substring(i + 2, close);
                out.append(values.containsKey(name) ? Resource.str(values.get(name)) : "$(" + name + ")");
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Object substitute(Object v, Map<String, Object> values) {
        if (v instanceof String s) {
            Matcher m = REF.matcher(s);
            if (m.matches() && values.containsKey(m.group(1))) {
                return values.get(m.group(1));
            }
            return expand(s, values);
        }
        if (v instanceof List<?>) {
            List<Object> l = Values.asList(v);
            l.replaceAll(x -> substitute(x, values));
            return l;
        }
        if (v instanceof Map<?, ?>) {
            Map<String, Object> mm = Values.asMap(v);
            mm.replaceAll((k, x) -> substitute(x, values));
            return mm;
        }
        return v;
    }
}
