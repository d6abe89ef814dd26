package io.sluice.kustomize.yaml;

import io.sluice.kustomize.KustomizeException;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into plain Java values ({@code LinkedHashMap<String,Object>}, {@code ArrayList},
 * String, Long, BigInteger, Double, Boolean, null) resolving plain scalars the way kustomize's
 * go-yaml v3 does, then normalising through JSON as kustomize does before it prints.
 */
public final class YamlReader {
    /** Marker tag for plain scalars without explicit tag: we resolve them ourselves. */
    private static final Tag IMPLICIT = new Tag("tag:sluice.io,2026:implicit");

    private YamlReader() {
    }

    /** Parses every document of {@code text}; empty documents are dropped. */
    public static List<Object> readAll(String text, String source) {
        return readAll(text, source, false);
    }

    /**
     * With {@code yaml11}, plain scalars resolve by YAML 1.1 rules as go-yaml v2 does (yes/no/on/off/y/n
     * are booleans): kustomize reads its kustomization files and JSON patches that way.
     */
    public static List<Object> readAll(String text, String source, boolean yaml11) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setSchema(new ImplicitSchema())
                .setMaxAliasesForCollections(10_000)
                .setCodePointLimit(Integer.MAX_VALUE)
                .build();
        List<Object> docs = new ArrayList<>();
        try {
            for (Node node : new Compose(settings).composeAllFromString(text)) {
                if (node == null) {
                    continue;
                }
                if (node instanceof ScalarNode s && s.getValue().isEmpty() && s.getScalarStyle() == ScalarStyle.PLAIN) {
                    continue;
                }
                docs.add(convert(node, source, yaml11));
            }
        } catch (MarkedYamlEngineException e) {
            throw new KustomizeException("malformed YAML in " + source + at(e.getProblemMark()) + ": "
                    + oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage()), e);
        } catch (YamlEngineException e) {
            throw new KustomizeException("malformed YAML in " + source + ": " + oneLine(e.getMessage()), e);
        }
        return docs;
    }

    /** Parses a single document (or null when the text is empty). */
    public static Object readOne(String text, String source) {
        return readOne(text, source, false);
    }

    public static Object readOne(String text, String source, boolean yaml11) {
        List<Object> docs = readAll(text, source, yaml11);
        if (docs.size() > 1) {
            throw new KustomizeException(source + ": expected one YAML document, found " + docs.size());
        }
        return docs.isEmpty() ? null : docs.get(0);
    }

    private static String at(Optional<Mark> mark) {
        return mark.map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse("");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').trim();
    }

    private static Object convert(Node node, String source, boolean raw) {
        if (node instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            java.util.Set<String> merged = new java.util.HashSet<>();
            for (NodeTuple t : m.getValue()) {
                Node k = t.getKeyNode();
                String key;
                if (k instanceof ScalarNode ks) {
                    Object kv = convert(ks, source, raw);
                    if (ks.getValue().equals("<<") && ks.getScalarStyle() == ScalarStyle.PLAIN) {
                        merged.addAll(mergeKey(out, convert(t.getValueNode(), source, raw)));
                        continue;
                    }
                    key = kv == null ? "null" : Values.scalarText(kv);
                } else {
                    throw new KustomizeException("malformed YAML in " + source + " at line "
                            + (k.getStartMark().map(Mark::getLine).orElse(0) + 1) + ": complex mapping keys are not supported");
                }
                // go-yaml v2 (kustomization files, raw mode) lets a repeated key win; kyaml rejects it
                if (out.containsKey(key) && !merged.remove(key) && !raw) {
                    throw new KustomizeException("malformed YAML in " + source + " at line "
                            + (k.getStartMark().map(Mark::getLine).orElse(0) + 1) + ": mapping key \"" + key + "\" already defined");
                }
                out.put(key, convert(t.getValueNode(), source, raw));
            }
            return out;
        }
        if (node instanceof SequenceNode s) {
            List<Object> out = new ArrayList<>(s.getValue().size());
            for (Node n : s.getValue()) {
                out.add(convert(n, source, raw));
            }
            return out;
        }
        ScalarNode s = (ScalarNode) node;
        Tag tag = s.getTag();
        if (tag.equals(IMPLICIT)) {
            return raw ? ScalarResolution.resolvePlainYaml11(s.getValue()) : ScalarResolution.resolvePlain(s.getValue());
        }
        return ScalarResolution.resolveTagged(s.getValue(), tag.getValue(), source);
    }

    @SuppressWarnings("unchecked")
    private static List<String> mergeKey(Map<String, Object> out, Object merged) {
        List<String> added = new ArrayList<>();
        List<Object> sources = merged instanceof List<?> l ? (List<Object>) l : List.of(merged);
        for (Object src : sources) {
            if (src instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!out.containsKey((String) e.getKey())) {
                        out.put((String) e.getKey(), Values.deepCopy(e.getValue()));
                        added.add((String) e.getKey());
                    }
                }
            }
        }
        return added;
    }

    /** A schema that leaves plain scalars unresolved so that go-yaml v3 rules can be applied. */
    private static final class ImplicitSchema implements Schema {
        @Override
        public org.snakeyaml.engine.v2.resolver.ScalarResolver getScalarResolver() {
            return (value, implicit) -> implicit ? IMPLICIT : Tag.STR;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return Map.of();
        }
    }
}
