package io.sluice.kustomize.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers over the plain value tree (maps, lists, scalars). */
public final class Values {
    private Values() {
    }

    /** A copy sharing nothing mutable with {@code v}; maps read from YAML stay {@link YamlMap}s with their notes. */
    @SuppressWarnings("unchecked")
    public static Object deepCopy(Object v) {
        if (v instanceof YamlMap m) {
            YamlMap out = new YamlMap();
            for (Map.Entry<String, Object> e : m.entrySet()) {
                out.put(e.getKey(), deepCopy(e.getValue()));
            }
            m.copyNotesTo(out);
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put((String) e.getKey(), deepCopy(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(deepCopy(o));
            }
            return out;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> deepCopyMap(Map<String, Object> m) {
        return (Map<String, Object>) deepCopy(m);
    }

    /** The text of a scalar as it would be written plain (used for keys and string contexts). */
    public static String scalarText(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double d) {
            return GoFloat.formatG(d);
        }
        if (v instanceof Long || v instanceof BigInteger || v instanceof Boolean || v instanceof Integer) {
            return v.toString();
        }
        throw new io.sluice.kustomize.KustomizeException("expected a string or other scalar, found a "
                + (v instanceof Map ? "mapping" : "list") + ": " + v);
    }

    /** Scalar text, or "{...}"/"[...]" for collections (for messages). */
    public static String scalarTextOrType(Object v) {
        if (v instanceof Map) {
            return "{...}";
        }
        if (v instanceof List) {
            return "[...]";
        }
        return scalarText(v);
    }

    public static boolean isScalar(Object v) {
        return !(v instanceof Map) && !(v instanceof List);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object v) {
        return v instanceof Map<?, ?> ? (Map<String, Object>) v : null;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object v) {
        return v instanceof List<?> ? (List<Object>) v : null;
    }

    /** Walks string keys; null when any step is missing or not a map. */
    public static Object get(Object root, String... path) {
        Object cur = root;
        for (String p : path) {
            Map<String, Object> m = asMap(cur);
            if (m == null) {
                return null;
            }
            cur = m.get(p);
        }
        return cur;
    }

    /** Gets or creates nested maps along {@code path}. */
    public static Map<String, Object> ensureMap(Map<String, Object> root, String... path) {
        Map<String, Object> cur = root;
        for (String p : path) {
            Map<String, Object> next = asMap(cur.get(p));
            if (next == null) {
                next = new LinkedHashMap<>();
                cur.put(p, next);
            }
            cur = next;
        }
        return cur;
    }

    /** Structural equality that treats 1 (Long) and 1 (BigInteger) alike. */
    public static boolean deepEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !deepEquals(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!deepEquals(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Number && b instanceof Number && !(a instanceof Double) && !(b instanceof Double)) {
            return new BigInteger(a.toString()).equals(new BigInteger(b.toString()));
        }
        return a.equals(b);
    }
}
