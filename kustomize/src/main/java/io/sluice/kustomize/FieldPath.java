package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Dotted field paths of replacements and vars: "spec.template.spec.containers.[name=app].image",
 * "spec.containers[0].image", "metadata.annotations.[a.b/c]", "metadata.labels.a\.b/c" (an escaped dot), "*" wildcards.
 */
final class FieldPath {
    private FieldPath() {
    }

    /** A matched location: the container and the key (String) or index (Integer) in it. */
    record Location(Object container, Object key) {
        Object get() {
            return container instanceof Map<?, ?> m ? m.get(key) : ((List<?>) container).get((Integer) key);
        }

        void set(Object v) {
            if (container instanceof Map<?, ?>) {
                Values.asMap(container).put((String) key, v);
            } else {
                Values.asList(container).set((Integer) key, v);
            }
        }
    }

    static List<String> parse(String path) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && depth == 0 && i + 1 < path.length() && path.charAt(i + 1) == '.') {
                // An escaped dot belongs to the segment, as kyaml's path splitter reads it: a label key such as
                // "example.com/team" is written "example\.com/team".
                cur.append('.');
                i++;
            } else if (c == '[') {
                if (depth == 0 && cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                depth++;
                cur.append(c);
            } else if (c == ']') {
                depth--;
                cur.append(c);
            } else if (c == '.' && depth == 0) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Visits every location matching the path; with create, missing map fields are created. */
    static void visit(Object root, List<String> segs, boolean create, Consumer<Location> visitor) {
        visit(root, segs, 0, create, visitor);
    }

    private static void visit(Object node, List<String> segs, int i, boolean create, Consumer<Location> visitor) {
        String seg = segs.get(i);
        boolean last = i == segs.size() - 1;
        if (node instanceof List<?> l) {
            List<Object> list = Values.asList(node);
            if (seg.equals("*") || seg.equals("[*]")) {
                for (int k = 0; k < l.size(); k++) {
                    step(new Location(list, k), segs, i, last, create, visitor);
                }
                return;
            }
            String inner = seg.startsWith("[") && seg.endsWith("]") ? seg.substring(1, seg.length() - 1) : seg;
            int eq = inner.indexOf('=');
            if (eq >= 0) {
                String k = inner.substring(0, eq);
                String v = inner.substring(eq + 1);
                boolean found = false;
                for (int j = 0; j < l.size(); j++) {
                    Object el = l.get(j);
                    if (k.isEmpty() ? Resource.str(el).equals(v)
                            : el instanceof Map<?, ?> em && em.get(k) != null && Resource.str(em.get(k)).equals(v)) {
                        found = true;
                        step(new Location(list, j), segs, i, last, create, visitor);
                    }
                }
                if (!found && create && !k.isEmpty()) {
                    Map<String, Object> el = new LinkedHashMap<>();
                    el.put(k, v);
                    list.add(el);
                    step(new Location(list, list.size() - 1), segs, i, last, create, visitor);
                }
                return;
            }
            try {
                int idx = Integer.parseInt(inner);
                if (idx >= 0 && idx < l.size()) {
                    step(new Location(list, idx), segs, i, last, create, visitor);
                }
            } catch (NumberFormatException e) {
                // not an index: nothing matches in a list
            }
            return;
        }
        Map<String, Object> m = Values.asMap(node);
        if (m == null) {
            return;
        }
        String key = seg.startsWith("[") && seg.endsWith("]") ? seg.substring(1, seg.length() - 1) : seg;
        if (key.equals("*")) {
            for (String k : new ArrayList<>(m.keySet())) {
                step(new Location(m, k), segs, i, last, create, visitor);
            }
            return;
        }
        if (!m.containsKey(key) || m.get(key) == null) {
            if (!create) {
                return;
            }
            if (!last) {
                String next = segs.get(i + 1);
                boolean listNext = next.startsWith("[") && next.contains("=");
                m.put(key, listNext ? new ArrayList<>() : new LinkedHashMap<String, Object>());
            }
        }
        step(new Location(m, key), segs, i, last, create, visitor);
    }

    private static void step(Location loc, List<String> segs, int i, boolean last, boolean create,
                             Consumer<Location> visitor) {
        if (last) {
            visitor.accept(loc);
        } else {
            visit(loc.get(), segs, i + 1, create, visitor);
        }
    }
}
