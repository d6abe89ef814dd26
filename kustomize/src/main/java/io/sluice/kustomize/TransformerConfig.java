package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which fields each builtin transformer touches: kustomize's default fieldSpecs plus whatever a
 * kustomization adds through {@code configurations} or {@code crds}.
 */
public final class TransformerConfig {
    /** A kind that can be referred to by name, and the fields that refer to it. */
    public record NameBackRef(Gvk target, List<FieldSpec> referrers) {
    }

    private final Map<String, List<FieldSpec>> sections = new LinkedHashMap<>();
    /** False while this is exactly the defaults: merging it into another config is then a no-op. */
    private boolean custom;
    private final List<NameBackRef> nameReferences = new ArrayList<>();

    private static final TransformerConfig DEFAULTS = loadDefaults();

    /** A config that adds to whatever it is merged into (crds, configurations). */
    static TransformerConfig empty() {
        TransformerConfig c = new TransformerConfig();
        c.custom = true;
        return c;
    }

    public static TransformerConfig defaults() {
        return DEFAULTS.copy();
    }

    public List<FieldSpec> specs(String section) {
        return sections.getOrDefault(section, List.of());
    }

    public List<NameBackRef> nameReferences() {
        return nameReferences;
    }

    TransformerConfig copy() {
        TransformerConfig c = new TransformerConfig();
        c.custom = custom;
        for (Map.Entry<String, List<FieldSpec>> e : sections.entrySet()) {
            c.sections.put(e.getKey(), new ArrayList<>(e.getValue()));
        }
        for (NameBackRef r : nameReferences) {
            c.nameReferences.add(new NameBackRef(r.target(), new ArrayList<>(r.referrers())));
        }
        return c;
    }

    void addSpec(String section, FieldSpec spec) {
        List<FieldSpec> l = sections.computeIfAbsent(section, k -> new ArrayList<>());
        for (FieldSpec f : l) {
            if (f.gvk().equals(spec.gvk()) && f.path().equals(spec.path())) {
                return;
            }
        }
        l.add(spec);
    }

    void addNameReference(Gvk target, FieldSpec referrer) {
        for (NameBackRef r : nameReferences) {
            if (r.target().equals(target)) {
                for (FieldSpec f : r.referrers()) {
                    if (f.gvk().equals(referrer.gvk()) && f.path().equals(referrer.path())) {
                        return;
                    }
                }
                r.referrers().add(referrer);
                return;
            }
        }
        List<FieldSpec> l = new ArrayList<>();
        l.add(referrer);
        nameReferences.add(new NameBackRef(target, l));
    }

    void merge(TransformerConfig other) {
        if (!other.custom) {
            return;
        }
        custom = true;
        // kustomize v5.7.1: namePrefix/nameSuffix fieldSpecs from `configurations` take the place of
        // the default "metadata/name of everything" (checked against the binary); other sections add up
        for (String replaced : List.of("namePrefix", "nameSuffix")) {
            if (!other.specs(replaced).isEmpty() && !sections.getOrDefault(replaced, List.of()).isEmpty()) {
                sections.get(replaced).removeIf(f -> f.gvk().equals(new Gvk("", "", "")) && f.path().equals("metadata/name")
                        && !other.specs(replaced).contains(f));
            }
        }
        other.sections.forEach((k, v) -> v.forEach(f -> addSpec(k, f)));
        for (NameBackRef r : other.nameReferences) {
            r.referrers().forEach(f -> addNameReference(r.target(), f));
        }
    }

    /** Reads a `configurations:` file (same layout as kustomize's transformer configs). */
    static TransformerConfig fromYaml(Object doc, String source) {
        TransformerConfig c = new TransformerConfig();
        c.custom = true;
        Map<String, Object> m = Values.asMap(doc);
        if (m == null) {
            return c;
        }
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String section = e.getKey();
            List<Object> items = Values.asList(e.getValue());
            if (items == null) {
                continue;
            }
            switch (section) {
                case "nameReference" -> {
                    for (Object o : items) {
                        Map<String, Object> t = Values.asMap(o);
                        Gvk target = new Gvk(Resource.str(t.get("group")), Resource.str(t.get("version")),
                                Resource.str(t.get("kind")));
                        List<Object> fs = Values.asList(t.get("fieldSpecs"));
                        if (fs != null) {
                            for (Object f : fs) {
                                c.addNameReference(target, specFrom(f));
                            }
                        }
                    }
                }
                case "namePrefix", "nameSuffix", "namespace", "commonLabels", "templateLabels", "commonAnnotations",
                     "images", "replicas", "varReference", "labels" -> {
                    for (Object o : items) {
                        c.addSpec(section, specFrom(o));
                    }
                }
                default -> throw new KustomizeException(source + ": unknown transformer configuration section '"
                        + section + "'; expected one of namePrefix, nameSuffix, namespace, commonLabels, "
                        + "templateLabels, commonAnnotations, images, replicas, nameReference, varReference");
            }
        }
        return c;
    }

    static FieldSpec specFrom(Object o) {
        Map<String, Object> f = Values.asMap(o);
        if (f == null) {
            throw new KustomizeException("fieldSpec must be a mapping with path/group/version/kind, got: " + o);
        }
        return new FieldSpec(new Gvk(Resource.str(f.get("group")), Resource.str(f.get("version")),
                Resource.str(f.get("kind"))), Resource.str(f.get("path")), Boolean.TRUE.equals(f.get("create")));
    }

    /**
     * kustomize's defaults ({@link DefaultFieldSpecs}). Parsed on every start of the command line, so kept
     * cheap: no regular expressions, one {@link Gvk} per distinct group/version/kind, duplicates (the file has
     * some, as kustomize's defaults do) dropped through a set instead of the list scans of {@link #addSpec}.
     */
    private static TransformerConfig loadDefaults() {
        TransformerConfig c = new TransformerConfig();
        String text = DefaultFieldSpecs.TEXT;
        Map<String, Gvk> gvks = new java.util.HashMap<>();
        Map<Gvk, NameBackRef> backRefs = new java.util.HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String[] f = new String[6];
        int pos = 0;
        while (pos < text.length()) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = text.length();
            }
            String line = text.substring(pos, eol);
            pos = eol + 1;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int from = 0;
            for (int i = 0; i < 5; i++) {
                int bar = line.indexOf('|', from);
                f[i] = line.substring(from, bar);
                from = bar + 1;
            }
            f[5] = line.substring(from);
            // section|group|version|kind|path: the same spec twice counts once, whatever its create flag
            if (!seen.add(line.substring(0, line.lastIndexOf('|')))) {
                continue;
            }
            // plain get/put, no lambdas: linking a lambda costs more on a cold start than this whole loop
            FieldSpec spec = new FieldSpec(gvk(gvks, f[1], f[2], f[3]), f[4], Boolean.parseBoolean(f[5]));
            if (f[0].startsWith("nameReference:")) {
                String t = f[0];
                int a = t.indexOf(':', "nameReference:".length());
                int b = t.indexOf(':', a + 1);
                Gvk target = gvk(gvks, t.substring("nameReference:".length(), a), t.substring(a + 1, b), t.substring(b + 1));
                NameBackRef r = backRefs.get(target);
                if (r == null) {
                    r = new NameBackRef(target, new ArrayList<>());
                    backRefs.put(target, r);
                    c.nameReferences.add(r);
                }
                r.referrers().add(spec);
            } else {
                List<FieldSpec> l = c.sections.get(f[0]);
                if (l == null) {
                    l = new ArrayList<>();
                    c.sections.put(f[0], l);
                }
                l.add(spec);
            }
        }
        return c;
    }

    /** One {@link Gvk} object per distinct group/version/kind of the defaults. */
    private static Gvk gvk(Map<String, Gvk> gvks, String group, String version, String kind) {
        String key = group + '|' + version + '|' + kind;
        Gvk g = gvks.get(key);
        if (g == null) {
            g = new Gvk(group, version, kind);
            gvks.put(key, g);
        }
        return g;
    }
}
