package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
        sections.forEach((k, v) -> c.sections.put(k, new ArrayList<>(v)));
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

    private static TransformerConfig loadDefaults() {
        TransformerConfig c = new TransformerConfig();
        try (InputStream in = TransformerConfig.class.getResourceAsStream("default-fieldspecs.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\\|", -1);
                FieldSpec spec = new FieldSpec(new Gvk(p[1], p[2], p[3]), p[4], Boolean.parseBoolean(p[5]));
                if (p[0].startsWith("nameReference:")) {
                    String[] t = p[0].substring("nameReference:".length()).split(":", -1);
                    c.addNameReference(new Gvk(t[0], t[1], t[2]), spec);
                } else {
                    c.addSpec(p[0], spec);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("default-fieldspecs.txt missing from the jar", e);
        }
        return c;
    }
}
