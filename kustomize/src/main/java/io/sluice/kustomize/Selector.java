package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A patch/replacement target: gvk, name and namespace as anchored regexes, label and annotation selectors. */
record Selector(String group, String version, String kind, String name, String namespace, String labelSelector,
                String annotationSelector) {

    static Selector from(Map<String, Object> m, String where) {
        for (String k : m.keySet()) {
            if (!List.of("group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector")
                    .contains(k)) {
                throw new KustomizeException(where + ": target: unknown field \"" + k + "\"");
            }
        }
        return new Selector(Resource.str(m.get("group")), Resource.str(m.get("version")), Resource.str(m.get("kind")),
                Resource.str(m.get("name")), Resource.str(m.get("namespace")), Resource.str(m.get("labelSelector")),
                Resource.str(m.get("annotationSelector")));
    }

    List<Resource> select(ResMap m, String where) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : m.resources()) {
            if (matches(r, where)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Replacement selectors compare names literally (only patch targets take regular expressions). */
    boolean matchesExactly(Resource r, String where) {
        Gvk g = r.gvk();
        if (!group.isEmpty() && !group.equals(g.group()) || !version.isEmpty() && !version.equals(g.version())
                || !kind.isEmpty() && !kind.equals(g.kind())) {
            return false;
        }
        // any name/namespace the object has had (original, intermediate, current) selects it
        java.util.List<ResId> ids = r.allIds();
        // loops, not streams: this runs on every cold start that has a patch target
        if (!namespace.isEmpty()) {
            boolean any = false;
            for (ResId id : ids) {
                any |= namespace.equals(id.namespace()) || namespace.equals(id.effectiveNamespace());
            }
            if (!any) {
                return false;
            }
        }
        if (!name.isEmpty()) {
            boolean any = false;
            for (ResId id : ids) {
                any |= name.equals(id.name());
            }
            if (!any) {
                return false;
            }
        }
        return LabelSelector.matches(labelSelector, r.labels(), where)
                && LabelSelector.matches(annotationSelector, r.annotations(), where);
    }

    List<Resource> selectExactly(ResMap m, String where) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : m.resources()) {
            if (matchesExactly(r, where)) {
                out.add(r);
            }
        }
        return out;
    }

    boolean matches(Resource r, String where) {
        Gvk g = r.gvk();
        if (!re(group, g.group(), where) || !re(version, g.version(), where) || !re(kind, g.kind(), where)) {
            return false;
        }
        ResId cur = r.curId();
        ResId org = r.orgId();
        if (!namespace.isEmpty() && !re(namespace, cur.effectiveNamespace(), where)
                && !re(namespace, org.effectiveNamespace(), where)) {
            return false;
        }
        if (!name.isEmpty() && !re(name, cur.name(), where) && !re(name, org.name(), where)) {
            return false;
        }
        return LabelSelector.matches(labelSelector, r.labels(), where)
                && LabelSelector.matches(annotationSelector, r.annotations(), where);
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Pattern> PATTERNS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean re(String pattern, String value, String where) {
        if (pattern.isEmpty()) {
            return true;
        }
        try {
            Pattern compiled = PATTERNS.get(pattern);
            if (compiled == null) {
                compiled = Pattern.compile("^(?:" + pattern + ")$");
                PATTERNS.putIfAbsent(pattern, compiled);
            }
            return compiled.matcher(value).matches();
        } catch (PatternSyntaxException e) {
            throw new KustomizeException(where + ": target pattern '" + pattern + "' is not a valid regular expression");
        }
    }

    /** Kubernetes label selector syntax: a=b, a==b, a!=b, a in (x,y), a notin (x), a, !a. */
    static final class LabelSelector {
        private LabelSelector() {
        }

        static boolean matches(String selector, Map<String, Object> labels, String where) {
            if (selector.isBlank()) {
                return true;
            }
            Map<String, Object> l = labels == null ? Map.of() : labels;
            for (String req : splitTop(selector)) {
                String t = req.trim();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.chars().filter(ch -> ch == '(').count() != t.chars().filter(ch -> ch == ')').count()) {
                    throw new KustomizeException(where + ": unable to parse label selector '" + selector
                            + "': unable to parse requirement: expected ',' or ')'");
                }
                java.util.regex.Matcher set = Pattern.compile("^(\\S+)\\s+(in|notin)\\s*\\((.*)\\)$").matcher(t);
                if (set.matches()) {
                    List<String> vals = new ArrayList<>();
                    for (String v : set.group(3).split(",")) {
                        vals.add(v.trim());
                    }
                    Object have = l.get(set.group(1));
                    boolean in = have != null && vals.contains(Resource.str(have));
                    if (set.group(2).equals("in") != in) {
                        return false;
                    }
                } else if (t.contains("!=")) {
                    String[] kv = t.split("!=", 2);
                    Object have = l.get(kv[0].trim());
                    if (have != null && Resource.str(have).equals(kv[1].trim())) {
                        return false;
                    }
                } else if (t.contains("=")) {
                    String[] kv = t.split("==?", 2);
                    Object have = l.get(kv[0].trim());
                    if (have == null || !Resource.str(have).equals(kv[1].trim())) {
                        return false;
                    }
                } else if (t.startsWith("!")) {
                    if (l.containsKey(t.substring(1).trim())) {
                        return false;
                    }
                } else if (!l.containsKey(t)) {
                    return false;
                }
            }
            return true;
        }

        private static List<String> splitTop(String s) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            StringBuilder cur = new StringBuilder();
            for (char c : s.toCharArray()) {
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                if (c == ',' && depth == 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            out.add(cur.toString());
            return out;
        }
    }
}
