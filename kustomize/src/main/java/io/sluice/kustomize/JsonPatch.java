package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test) over the value tree. */
final class JsonPatch {
    private JsonPatch() {
    }

    /** Parses operations from a YAML or JSON list; null when the text is not a list of operations. */
    static List<Map<String, Object>> parse(Object doc) {
        List<Object> l = Values.asList(doc);
        if (l == null) {
            return null;
        }
        List<Map<String, Object>> ops = new ArrayList<>();
        for (Object o : l) {
            Map<String, Object> m = Values.asMap(o);
            if (m == null || !m.containsKey("op")) {
                return null;
            }
            ops.add(m);
        }
        return ops;
    }

    static Map<String, Object> apply(Map<String, Object> target, List<Map<String, Object>> ops, String where) {
        Object doc = target; // patched in place: a failure aborts the whole build anyway
        for (Map<String, Object> op : ops) {
            String kind = Resource.str(op.get("op"));
            String path = Resource.str(op.get("path"));
            switch (kind) {
                case "add" -> doc = add(doc, pointer(path, where), Values.deepCopy(op.get("value")), where, path);
                case "remove" -> doc = remove(doc, pointer(path, where), where, path);
                case "replace" -> doc = replace(doc, pointer(path, where), Values.deepCopy(op.get("value")), where, path);
                case "move" -> {
                    String from = Resource.str(op.get("from"));
                    Object v = get(doc, pointer(from, where), where, from, "move");
                    doc = remove(doc, pointer(from, where), where, from);
                    doc = add(doc, pointer(path, where), v, where, path);
                }
                case "copy" -> {
                    String from = Resource.str(op.get("from"));
                    Object v = Values.deepCopy(get(doc, pointer(from, where), where, from, "copy"));
                    doc = add(doc, pointer(path, where), v, where, path);
                }
                case "test" -> {
                    Object v = get(doc, pointer(path, where), where, path, "test");
                    if (!Values.deepEquals(v, op.get("value"))) {
                        throw new KustomizeException(where + ": testing value " + path + " failed: test operation failed");
                    }
                }
                default -> throw new KustomizeException(where + ": unexpected JSON patch operation '" + kind + "'");
            }
        }
        Map<String, Object> out = Values.asMap(doc);
        if (out == null) {
            throw new KustomizeException(where + ": JSON patch must leave an object");
        }
        return out;
    }

    private static List<String> pointer(String path, String where) {
        List<String> out = new ArrayList<>();
        if (path.isEmpty()) {
            return out;
        }
        // like kustomize's JSON patch library, the first segment is dropped even when the path
        // lacks its leading "/" ("spec/replicas" addresses "/replicas")
        String[] parts = path.split("/", -1);
        for (String s : java.util.Arrays.copyOfRange(parts, 1, parts.length)) {
            out.add(s.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    private static Object get(Object doc, List<String> p, String where, String path, String op) {
        Object cur = doc;
        for (String s : p) {
            if (cur instanceof Map<?, ?> m) {
                if (!m.containsKey(s)) {
                    throw missing(where, op, path);
                }
                cur = m.get(s);
            } else if (cur instanceof List<?> l) {
                int i = index(s, l.size() - 1, where, path);
                cur = l.get(i);
            } else {
                throw missing(where, op, path);
            }
        }
        return cur;
    }

    private static KustomizeException missing(String where, String op, String path) {
        return new KustomizeException(where + ": " + op + " operation does not apply: doc is missing path: \"" + path + "\"");
    }

    private static int index(String s, int max, String where, String path) {
        try {
            int i = Integer.parseInt(s);
            if (i < 0 || i > max) {
                throw new KustomizeException(where + ": JSON patch path '" + path + "': index " + i + " out of bounds");
            }
            return i;
        } catch (NumberFormatException e) {
            throw new KustomizeException(where + ": JSON patch path '" + path + "': '" + s + "' is not an array index");
        }
    }

    private static Object add(Object doc, List<String> p, Object value, String where, String path) {
        if (p.isEmpty()) {
            return value;
        }
        Object parent = get(doc, p.subList(0, p.size() - 1), where, path, "add");
        String last = p.get(p.size() - 1);
        if (parent instanceof Map<?, ?>) {
            Values.asMap(parent).put(last, value);
        } else if (parent instanceof List<?>) {
            List<Object> l = Values.asList(parent);
            if (last.equals("-")) {
                l.add(value);
            } else {
                l.add(index(last, l.size(), where, path), value);
            }
        } else {
            throw missing(where, "add", path);
        }
        return doc;
    }

    /** Replace; like kustomize's JSON patch library a missing key in an existing map is simply set. */
    private static Object replace(Object doc, List<String> p, Object value, String where, String path) {
        if (p.isEmpty()) {
            return value;
        }
        Object parent = get(doc, p.subList(0, p.size() - 1), where, path, "replace");
        String last = p.get(p.size() - 1);
        if (parent instanceof Map<?, ?>) {
            Values.asMap(parent).put(last, value);
        } else if (parent instanceof List<?>) {
            List<Object> l = Values.asList(parent);
            int i;
            try {
                i = Integer.parseInt(last);
            } catch (NumberFormatException e) {
                i = -1;
            }
            if (i < 0 || i >= l.size()) {
                throw new KustomizeException(where + ": replace operation does not apply: doc is missing key: " + path);
            }
            l.set(i, value);
        } else {
            throw missing(where, "replace", path);
        }
        return doc;
    }

    private static Object remove(Object doc, List<String> p, String where, String path) {
        if (p.isEmpty()) {
            return null;
        }
        Object parent = get(doc, p.subList(0, p.size() - 1), where, path, "remove");
        String last = p.get(p.size() - 1);
        if (parent instanceof Map<?, ?> m) {
            if (!m.containsKey(last)) {
                throw missing(where, "remove", path);
            }
            m.remove(last);
        } else if (parent instanceof List<?>) {
            List<Object> l = Values.asList(parent);
            l.remove(index(last, l.size() - 1, where, path));
        } else {
            throw missing(where, "remove", path);
        }
        return doc;
    }
}
