package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** replacements: copy a field of one object into fields of others. */
final class ReplacementTransformer {
    private ReplacementTransformer() {
    }

    static void apply(KustomizationFile kust, Loader ldr, ResMap m) {
        for (Map<String, Object> entry : kust.maps("replacements")) {
            List<Map<String, Object>> reps = new ArrayList<>();
            if (entry.containsKey("path")) {
                String p = Resource.str(entry.get("path"));
                for (Object doc : YamlReader.readAll(ldr.readFile(p, "replacements", kust.path()), p)) {
                    List<Object> l = Values.asList(doc);
                    if (l != null) {
                        l.forEach(x -> reps.add(Values.asMap(x)));
                    } else {
                        reps.add(Values.asMap(doc));
                    }
                }
            } else {
                reps.add(entry);
            }
            for (Map<String, Object> rep : reps) {
                applyOne(rep, m, kust.path() + ": replacements");
            }
        }
    }

    private static void checkFields(Map<String, Object> m, List<String> allowed, String what, String where) {
        if (m == null) {
            return;
        }
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new KustomizeException(where + ": invalid Kustomization: unknown field \"" + k + "\" in " + what);
            }
        }
    }

    private static void applyOne(Map<String, Object> rep, ResMap m, String where) {
        checkFields(rep, List.of("source", "targets", "path"), "replacement", where);
        checkFields(Values.asMap(rep.get("source")), List.of("group", "version", "kind", "name", "namespace", "fieldPath",
                "options"), "replacement source", where);
        List<Object> tl = Values.asList(rep.get("targets"));
        if (tl != null) {
            for (Object t : tl) {
                checkFields(Values.asMap(t), List.of("select", "reject", "fieldPaths", "options"), "replacement target", where);
                Map<String, Object> to = Values.asMap(Values.asMap(t).get("options"));
                checkFields(to, List.of("delimiter", "index", "create"), "replacement target options", where);
            }
        }
        Map<String, Object> source = Values.asMap(rep.get("source"));
        if (source == null) {
            throw new KustomizeException(where + ": replacement has no source");
        }
        Selector sel = Selector.from(withoutKeys(source, "fieldPath", "options"), where);
        List<Resource> found = sel.selectExactly(m, where);
        if (found.size() != 1) {
            throw new KustomizeException(where + ": " + (found.isEmpty() ? "nothing selected by" : "multiple matches for")
                    + " source " + source + (found.isEmpty() ? "" : ": " + found));
        }
        String fp = source.get("fieldPath") == null ? "metadata.name" : Resource.str(source.get("fieldPath"));
        List<Object> values = new ArrayList<>();
        FieldPath.visit(found.get(0).map(), FieldPath.parse(fp), false, loc -> values.add(loc.get()));
        if (values.isEmpty()) {
            throw new KustomizeException(where + ": fieldPath `" + fp + "` is missing for replacement source "
                    + found.get(0).curId().describe());
        }
        Object value = Values.deepCopy(values.get(0));
        Map<String, Object> sopts = Values.asMap(source.get("options"));
        if (sopts != null && sopts.get("delimiter") != null) {
            String[] parts = Resource.str(value).split(java.util.regex.Pattern.quote(Resource.str(sopts.get("delimiter"))), -1);
            int idx = intOpt(sopts.get("index"));
            if (idx < 0 || idx >= parts.length) {
                throw new KustomizeException(where + ": options.index " + idx + " is out of bounds for value " + value);
            }
            value = parts[idx];
        }
        List<Object> targets = Values.asList(rep.get("targets"));
        if (targets == null) {
            return;
        }
        for (Object t : targets) {
            Map<String, Object> target = Values.asMap(t);
            Map<String, Object> select = Values.asMap(target.get("select"));
            if (select == null) {
                throw new KustomizeException(where + ": target has no select");
            }
            Selector ts = Selector.from(select, where);
            List<Selector> rejects = new ArrayList<>();
            List<Object> rj = Values.asList(target.get("reject"));
            if (rj != null) {
                rj.forEach(x -> rejects.add(Selector.from(Values.asMap(x), where)));
            }
            Map<String, Object> topts = Values.asMap(target.get("options"));
            boolean create = topts != null && Boolean.TRUE.equals(topts.get("create"));
            List<Object> fps = Values.asList(target.get("fieldPaths"));
            if (fps == null) {
                fps = List.of("metadata.name");
            }
            for (Resource r : ts.selectExactly(m, where)) {
                if (rejects.stream().anyMatch(x -> x.matchesExactly(r, where))) {
                    continue;
                }
                for (Object f : fps) {
                    final Object v = value;
                    List<String> segs = FieldPath.parse(Resource.str(f));
                    int[] hits = {0};
                    FieldPath.visit(r.map(), segs, create, loc -> {
                        hits[0]++;
                        if (topts != null && topts.get("delimiter") != null) {
                            String delim = Resource.str(topts.get("delimiter"));
                            String cur = loc.get() == null ? "" : Resource.str(loc.get());
                            List<String> parts = new ArrayList<>(List.of(cur.split(java.util.regex.Pattern.quote(delim), -1)));
                            int idx = intOpt(topts.get("index"));
                            if (idx >= parts.size()) {
                                parts.add(Resource.str(v));
                            } else if (idx < 0) {
                                parts.add(0, Resource.str(v));
                            } else {
                                parts.set(idx, Resource.str(v));
                            }
                            loc.set(String.join(delim, parts));
                        } else {
                            loc.set(typed(loc.get(), Values.deepCopy(v)));
                        }
                    });
                    if (hits[0] == 0 && !create) {
                        throw new KustomizeException(where + ": unable to find field \"" + f + "\" in replacement target "
                                + r.curId().describe());
                    }
                }
            }
        }
    }

    /**
     * kustomize copies only the text into an existing scalar, keeping its type (a string stays a
     * string, an int field gets the number); a field it had to create is untyped and reads back
     * as whatever the text resolves to.
     */
    private static Object typed(Object current, Object value) {
        if (!Values.isScalar(value) || value == null) {
            return value;
        }
        String text = Resource.str(value);
        if (current instanceof String) {
            return text;
        }
        Object resolved = text.isEmpty() ? "" : io.sluice.kustomize.yaml.ScalarResolution.resolvePlain(text);
        if (current == null) {
            return resolved;
        }
        return resolved != null && resolved.getClass() == current.getClass() ? resolved : value;
    }

    private static int intOpt(Object o) {
        if (o == null) {
            return 0;
        }
        try {
            return Integer.parseInt(Resource.str(o));
        } catch (NumberFormatException e) {
            throw new KustomizeException("replacement options.index must be an integer, got " + o);
        }
    }

    private static Map<String, Object> withoutKeys(Map<String, Object> m, String... keys) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(m);
        for (String k : keys) {
            out.remove(k);
        }
        return out;
    }
}
