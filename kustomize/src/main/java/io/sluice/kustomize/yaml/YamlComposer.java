package io.sluice.kustomize.yaml;

import io.sluice.kustomize.yaml.Token.ScalarStyle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes values out of parsed nodes as kustomize ends up seeing them: scalars resolved by go-yaml v3's rules
 * (v2's with {@code yaml11}), anchors and aliases expanded into copies, {@code <<} merge keys applied, a
 * repeated key refused (v3) or the last one winning (v2), and how null values were written kept on the
 * {@link YamlMap}.
 */
final class YamlComposer {
    private static final String STR_TAG = "tag:yaml.org,2002:str";
    /** Collection aliases allowed per document, against "billion laughs" expansion. */
    private static final int MAX_COLLECTION_ALIASES = 10_000;

    private final boolean yaml11;
    private final boolean foldedRoundTrip;
    private final Map<String, YamlParser.Node> anchors = new HashMap<>();
    private int collectionAliases;

    YamlComposer(boolean yaml11, boolean foldedRoundTrip) {
        this.yaml11 = yaml11;
        this.foldedRoundTrip = foldedRoundTrip;
    }

    void startDocument() {
        anchors.clear();
        collectionAliases = 0;
    }

    void anchor(String name, YamlParser.Node node) {
        anchors.put(name, node);
    }

    YamlParser.Node alias(Token t) {
        YamlParser.Node n = anchors.get(t.value());
        if (n == null) {
            throw new YamlSyntaxException(t.line(), t.column(), "unknown anchor '" + t.value() + "' referenced");
        }
        if (!Values.isScalar(n.value()) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
            throw new YamlSyntaxException(t.line(), t.column(), "document contains excessive aliasing");
        }
        return new YamlParser.Node(Values.deepCopy(n.value()), n.plainUntagged(), n.rawText(), n.emptyNull());
    }

    /** @param tag the resolved tag URI, or null when the scalar has none */
    YamlParser.Node scalar(String text, ScalarStyle style, String tag, Token at) {
        boolean nonSpecific = tag == null || tag.equals("!");
        Object value;
        if (!nonSpecific) {
            value = tagged(text, tag, at);
        } else if (style != ScalarStyle.PLAIN) {
            value = style == ScalarStyle.FOLDED && foldedRoundTrip ? FoldedScalars.afterRoundTrip(text) : text;
        } else {
            value = yaml11 ? ScalarResolution.resolvePlainYaml11(text) : ScalarResolution.resolvePlain(text);
        }
        boolean plainUntagged = style == ScalarStyle.PLAIN && nonSpecific;
        return new YamlParser.Node(value, plainUntagged, text, value == null && text.isEmpty());
    }

    private Object tagged(String text, String tag, Token at) {
        if (tag.equals(STR_TAG)) {
            return text;
        }
        try {
            return ScalarResolution.resolveTagged(text, tag, "");
        } catch (io.sluice.kustomize.KustomizeException e) {
            String m = e.getMessage();
            throw new YamlSyntaxException(at.line(), at.column(), m.substring(m.indexOf(": ") + 2));
        }
    }

    MappingBuilder mapping(boolean flow) {
        return new MappingBuilder(flow);
    }

    /** Collects one mapping's entries. */
    final class MappingBuilder {
        private final YamlMap out = new YamlMap();
        private final boolean flow;
        private final Set<String> merged = new HashSet<>();

        private MappingBuilder(boolean flow) {
            this.flow = flow;
        }

        void put(YamlParser.Node key, YamlParser.Node value, Token at) {
            Object k = key.value();
            if (!Values.isScalar(k)) {
                throw new YamlSyntaxException(at.line(), at.column(), "complex mapping keys are not supported");
            }
            if (key.plainUntagged() && "<<".equals(key.rawText())) {
                merge(value.value());
                return;
            }
            String name = k == null ? "null" : Values.scalarText(k);
            // go-yaml v2 (kustomization files) lets a repeated key win; v3 (kyaml) refuses it
            if (out.containsKey(name) && !merged.remove(name) && !yaml11) {
                throw new YamlSyntaxException(at.line(), at.column(), "mapping key \"" + name + "\" already defined");
            }
            out.put(name, value.value());
            if (value.value() == null && value.rawText() != null) {
                boolean emptyInFlow = flow && value.emptyNull() && value.plainUntagged();
                out.noteNull(name, new YamlMap.NullText(value.rawText(), emptyInFlow));
            }
        }

        /** {@code <<: *base} or {@code <<: [*a, *b]}: keys not yet present are copied in, the first source winning. */
        @SuppressWarnings("unchecked")
        private void merge(Object source) {
            List<Object> sources = source instanceof List<?> l ? (List<Object>) l : new ArrayList<>(java.util.Collections.singletonList(source));
            for (Object src : sources) {
                if (src instanceof Map<?, ?> m) {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        String k = (String) e.getKey();
                        if (!out.containsKey(k)) {
                            out.put(k, Values.deepCopy(e.getValue()));
                            merged.add(k);
                        }
                    }
                }
            }
        }

        YamlMap build() {
            return out;
        }
    }
}
