package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A field path (kustomize fieldSpec) selected by gvk: "spec/template/metadata/labels",
 * "spec/containers[]/image". Sequences met on the way are walked element by element.
 */
public record FieldSpec(Gvk gvk, String path, boolean create) {

    /** Called for each matched field; the field may be absent when create is true. */
    @FunctionalInterface
    public interface FieldVisitor {
        void visit(Map<String, Object> parent, String key);
    }

    public boolean appliesTo(Gvk target) {
        return target.isSelectedBy(gvk);
    }

    /** Parsed paths, shared: the same few hundred default paths are walked for every object. */
    private static final java.util.concurrent.ConcurrentHashMap<String, List<String>> SEGMENTS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentHashMap<String, List<Boolean>> MARKERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    public List<String> segments() {
        // get/put rather than computeIfAbsent with a method reference: no lambda to link on a cold start
        List<String> s = SEGMENTS.get(path);
        if (s == null) {
            s = splitPath(path);
            SEGMENTS.putIfAbsent(path, s);
        }
        return s;
    }

    /** Segments marked "name[]" (a sequence): never created when missing. */
    private static List<Boolean> listMarkers(String path) {
        // the segments between slashes that follow no backslash, as written (no regular expression: this runs for
        // every distinct path on every start)
        List<Boolean> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || (path.charAt(i) == '/' && (i == 0 || path.charAt(i - 1) != '\\'))) {
                if (i > start) {
                    out.add(path.startsWith("[]", i - 2) && i - 2 >= start);
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** Splits on '/', honouring "\/" as a literal slash; strips "[]" and "[k=v]" markers. */
    public static List<String> splitPath(String path) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '/') {
                cur.append('/');
                i++;
            } else if (c == '/') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        List<String> cleaned = new ArrayList<>();
        for (String s : out) {
            if (s.endsWith("[]")) {
                s = s.substring(0, s.length() - 2);
            }
            if (!s.isEmpty()) {
                cleaned.add(s);
            }
        }
        return cleaned;
    }

    /** Applies {@code visitor} to every field this spec matches in {@code obj}. */
    public void apply(Map<String, Object> obj, FieldVisitor visitor) {
        List<Boolean> markers = MARKERS.get(path);
        if (markers == null) {
            markers = listMarkers(path);
            MARKERS.putIfAbsent(path, markers);
        }
        walk(obj, segments(), markers, 0, create, visitor);
    }

    static void walk(Object node, List<String> segs, List<Boolean> lists, int i, boolean create, FieldVisitor visitor) {
        if (node instanceof List<?> list) {
            for (Object el : list) {
                walk(el, segs, lists, i, create, visitor);
            }
            return;
        }
        Map<String, Object> m = Values.asMap(node);
        if (m == null) {
            return;
        }
        String key = segs.get(i);
        if (i == segs.size() - 1) {
            if (m.containsKey(key) || create) {
                visitor.visit(m, key);
            }
            return;
        }
        Object next = m.get(key);
        if (next == null) {
            if (!create || (i < lists.size() && lists.get(i))) {
                return;
            }
            next = new LinkedHashMap<String, Object>();
            m.put(key, next);
        }
        walk(next, segs, lists, i + 1, create, visitor);
    }
}
