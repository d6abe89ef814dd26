package io.sluice.kustomize;

import io.sluice.kustomize.yaml.YamlMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What kustomize's last step does to an object's values: kyaml writes the object with go-yaml v3 and reads it
 * back into JSON, then sigs.k8s.io/yaml re-reads that JSON text with go-yaml v2 to print it. Three things change
 * on the way (the rest comes back as it went in):
 *
 * <ul>
 *   <li>an empty value in a flow mapping ({@code {a: }}) is written {@code ''} and comes back as {@code ""};</li>
 *   <li>Go's JSON leaves NEL (U+0085) unescaped, and go-yaml v2 reads a raw NEL inside a quoted string as a line
 *       break, folding it (and the spaces around it) into one space, or n-1 line breaks for n of them;</li>
 *   <li>Go's JSON also leaves DEL, the other C1 controls and U+FFFE/U+FFFF unescaped, which go-yaml v2's reader
 *       refuses: the build fails, as kustomize's does.</li>
 * </ul>
 */
final class JsonRoundTrip {
    private JsonRoundTrip() {
    }

    /** Changes {@code object} in place to what kustomize prints; {@code where} names it in errors. */
    static Map<String, Object> apply(Map<String, Object> object, String where) {
        return map(object, where);
    }

    /**
     * The object as it comes back from kustomize's JSON text mid-build (a JSON patch): like {@link #apply}, and
     * every null is now written {@code null} (JSON knows no other), so a later strategic merge keeps it.
     */
    static Map<String, Object> reread(Map<String, Object> object, String where) {
        return map(plain(object), where);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            if (v == null && YamlMap.nullTextOf(m, e.getKey()).inFlow()) {
                v = "";
            }
            out.put(e.getKey(), plainValue(v));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object plainValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return plain((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new java.util.ArrayList<>(l.size());
            for (Object x : l) {
                out.add(plainValue(x));
            }
            return out;
        }
        return v;
    }

    private static Map<String, Object> map(Map<String, Object> m, String where) {
        boolean keysChange = false;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                if (YamlMap.nullTextOf(m, e.getKey()).inFlow()) {
                    e.setValue("");
                }
            } else {
                Object out = value(v, where);
                if (out != v) {
                    e.setValue(out);
                }
            }
            keysChange |= !string(e.getKey(), where).equals(e.getKey());
        }
        if (!keysChange) {
            return m;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(string(k, where), v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object v, String where) {
        if (v instanceof Map<?, ?> m) {
            return map((Map<String, Object>) m, where);
        }
        if (v instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            for (int i = 0; i < list.size(); i++) {
                Object x = list.get(i);
                Object out = x == null ? null : value(x, where);
                if (out != x) {
                    list.set(i, out);
                }
            }
            return list;
        }
        return v instanceof String s ? string(s, where) : v;
    }

    static String string(String s, String where) {
        boolean nel = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x7F) {
                continue;
            }
            if (c == 0x7F || (c >= 0x80 && c <= 0x9F && c != 0x85) || c == 0xFFFE || c == 0xFFFF) {
                throw new KustomizeException(where + ": a value contains the control character U+" + String.format("%04X", (int) c)
                        + ", which kustomize cannot print (yaml: control characters are not allowed): " + shorten(s));
            }
            nel |= c == 0x85;
        }
        return nel ? foldNel(s) : s;
    }

    /** go-yaml's folding of a raw line break in a double-quoted scalar, NEL being the only raw break JSON leaves. */
    private static String foldNel(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int runEnd = i;
            while (runEnd < s.length() && s.charAt(runEnd) == ' ') {
                runEnd++;
            }
            if (runEnd < s.length() && s.charAt(runEnd) == 0x85) {
                int breaks = 0;
                while (runEnd < s.length() && (s.charAt(runEnd) == ' ' || s.charAt(runEnd) == 0x85)) {
                    breaks += s.charAt(runEnd) == 0x85 ? 1 : 0;
                    runEnd++;
                }
                out.append(breaks == 1 ? " " : "\n".repeat(breaks - 1));
                i = runEnd;
            } else if (runEnd > i) {
                out.append(s, i, runEnd);
                i = runEnd;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
