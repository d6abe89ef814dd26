package io.sluice.kustomize.yaml;

import io.sluice.kustomize.yaml.Token.Kind;
import io.sluice.kustomize.yaml.Token.ScalarStyle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the documents of a YAML stream into plain values: the grammar of go-yaml's parser (block and flow
 * collections, indentless sequences, empty nodes, anchors and aliases, tags and %TAG directives), with scalars
 * resolved as go-yaml v3 does ({@code yaml11}: as v2 does, for kustomization files) and mappings as
 * {@link YamlMap}s. {@link YamlComposer} decides what a mapping entry becomes.
 */
final class YamlParser {
    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

    private final YamlScanner scanner;
    private final YamlComposer composer;
    private final Map<String, String> tagDirectives = new HashMap<>();
    private boolean firstDocument = true;

    /** What a node turned into, with what the composer needs to know about how it was written. */
    record Node(Object value, boolean plainUntagged, String rawText, boolean emptyNull) {
    }

    YamlParser(String text, boolean yaml11) {
        this(text, yaml11, true);
    }

    /** @param foldedRoundTrip give folded scalars the value they print with ({@link FoldedScalars}) */
    YamlParser(String text, boolean yaml11, boolean foldedRoundTrip) {
        this.scanner = new YamlScanner(text);
        this.composer = new YamlComposer(yaml11, foldedRoundTrip);
        expect(Kind.STREAM_START, "<stream-start>");
    }

    /** True when another document follows. */
    boolean hasNext() {
        if (firstDocument) {
            return scanner.peek().kind() != Kind.STREAM_END;
        }
        while (scanner.peek().kind() == Kind.DOCUMENT_END) {
            scanner.next();
        }
        return scanner.peek().kind() != Kind.STREAM_END;
    }

    /** The next document's value (null for an empty document). */
    Object next() {
        Token t = scanner.peek();
        Object value;
        tagDirectives.clear();
        boolean implicit = firstDocument && t.kind() != Kind.VERSION_DIRECTIVE && t.kind() != Kind.TAG_DIRECTIVE
                && t.kind() != Kind.DOCUMENT_START;
        firstDocument = false;
        composer.startDocument();
        if (implicit) {
            value = node(true, false).value();
        } else {
            directives();
            Token start = scanner.peek();
            if (start.kind() != Kind.DOCUMENT_START) {
                throw error(start, "did not find expected <document start>");
            }
            scanner.next();
            Kind k = scanner.peek().kind();
            if (k == Kind.VERSION_DIRECTIVE || k == Kind.TAG_DIRECTIVE || k == Kind.DOCUMENT_START
                    || k == Kind.DOCUMENT_END || k == Kind.STREAM_END) {
                value = null;
            } else {
                value = node(true, false).value();
            }
        }
        if (scanner.peek().kind() == Kind.DOCUMENT_END) {
            scanner.next();
        }
        return value;
    }

    private void directives() {
        boolean version = false;
        while (true) {
            Token t = scanner.peek();
            if (t.kind() == Kind.VERSION_DIRECTIVE) {
                if (version) {
                    throw error(t, "found duplicate %YAML directive");
                }
                if (!t.value().equals("1.1")) {
                    throw error(t, "found incompatible YAML document");
                }
                version = true;
            } else if (t.kind() == Kind.TAG_DIRECTIVE) {
                if (tagDirectives.containsKey(t.value())) {
                    throw error(t, "found duplicate %TAG directive");
                }
                tagDirectives.put(t.value(), t.suffix());
            } else {
                return;
            }
            scanner.next();
        }
    }

    private Node node(boolean block, boolean indentlessSequence) {
        Token t = scanner.peek();
        if (t.kind() == Kind.ALIAS) {
            scanner.next();
            return composer.alias(t);
        }
        String anchor = null;
        Token tag = null;
        if (t.kind() == Kind.ANCHOR) {
            anchor = scanner.next().value();
            if (scanner.peek().kind() == Kind.TAG) {
                tag = scanner.next();
            }
        } else if (t.kind() == Kind.TAG) {
            tag = scanner.next();
            if (scanner.peek().kind() == Kind.ANCHOR) {
                anchor = scanner.next().value();
            }
        }
        String tagUri = tag == null ? null : resolveTag(t, tag);
        Token next = scanner.peek();
        Node n;
        if (indentlessSequence && next.kind() == Kind.BLOCK_ENTRY) {
            n = new Node(indentlessSequence(), false, null, false);
        } else if (next.kind() == Kind.SCALAR) {
            scanner.next();
            n = composer.scalar(next.value(), next.style(), tagUri, next);
        } else if (next.kind() == Kind.FLOW_SEQUENCE_START) {
            n = new Node(flowSequence(), false, null, false);
        } else if (next.kind() == Kind.FLOW_MAPPING_START) {
            n = new Node(flowMapping(), false, null, false);
        } else if (block && next.kind() == Kind.BLOCK_SEQUENCE_START) {
            n = new Node(blockSequence(), false, null, false);
        } else if (block && next.kind() == Kind.BLOCK_MAPPING_START) {
            n = new Node(blockMapping(), false, null, false);
        } else if (anchor != null || tag != null) {
            n = composer.scalar("", ScalarStyle.PLAIN, tagUri, next);
        } else {
            throw error(next, "did not find expected node content (while parsing a " + (block ? "block" : "flow") + " node)");
        }
        if (anchor != null) {
            composer.anchor(anchor, n);
        }
        return n;
    }

    private String resolveTag(Token node, Token tag) {
        if (tag.value().isEmpty()) {
            return tag.suffix();
        }
        String prefix = tagDirectives.get(tag.value());
        if (prefix == null) {
            prefix = switch (tag.value()) {
                case "!" -> "!";
                case "!!" -> YAML_TAG_PREFIX;
                default -> throw error(tag, "found undefined tag handle (while parsing a node)");
            };
        }
        return prefix + tag.suffix();
    }

    private Node empty(Token at) {
        return composer.scalar("", ScalarStyle.PLAIN, null, at);
    }

    private List<Object> blockSequence() {
        Token start = scanner.next();
        List<Object> out = new ArrayList<>();
        while (true) {
            Token t = scanner.peek();
            if (t.kind() == Kind.BLOCK_ENTRY) {
                scanner.next();
                Kind k = scanner.peek().kind();
                out.add(k != Kind.BLOCK_ENTRY && k != Kind.BLOCK_END ? node(true, false).value() : empty(t).value());
            } else if (t.kind() == Kind.BLOCK_END) {
                scanner.next();
                return out;
            } else {
                throw error(t, "did not find expected '-' indicator (while parsing a block collection at line "
                        + (start.line() + 1) + ")");
            }
        }
    }

    private List<Object> indentlessSequence() {
        List<Object> out = new ArrayList<>();
        while (scanner.peek().kind() == Kind.BLOCK_ENTRY) {
            Token entry = scanner.next();
            Kind k = scanner.peek().kind();
            boolean content = k != Kind.BLOCK_ENTRY && k != Kind.KEY && k != Kind.VALUE && k != Kind.BLOCK_END;
            out.add(content ? node(true, false).value() : empty(entry).value());
        }
        return out;
    }

    private Map<String, Object> blockMapping() {
        Token start = scanner.next();
        YamlComposer.MappingBuilder m = composer.mapping(false);
        while (true) {
            Token t = scanner.peek();
            if (t.kind() == Kind.BLOCK_END) {
                scanner.next();
                return m.build();
            }
            Node key;
            if (t.kind() == Kind.KEY) {
                scanner.next();
                key = blockContentFollows() ? node(true, true) : empty(t);
            } else {
                throw error(t, "did not find expected key (while parsing a block mapping at line " + (start.line() + 1) + ")");
            }
            Node value;
            Token v = scanner.peek();
            if (v.kind() == Kind.VALUE) {
                scanner.next();
                value = blockContentFollows() ? node(true, true) : empty(v);
            } else {
                value = empty(v);
            }
            m.put(key, value, t);
        }
    }

    private boolean blockContentFollows() {
        Kind k = scanner.peek().kind();
        return k != Kind.KEY && k != Kind.VALUE && k != Kind.BLOCK_END;
    }

    private List<Object> flowSequence() {
        Token start = scanner.next();
        List<Object> out = new ArrayList<>();
        boolean first = true;
        while (true) {
            Token t = scanner.peek();
            if (t.kind() == Kind.FLOW_SEQUENCE_END) {
                scanner.next();
                return out;
            }
            if (!first) {
                if (t.kind() != Kind.FLOW_ENTRY) {
                    throw error(t, "did not find expected ',' or ']' (while parsing a flow sequence at line " + (start.line() + 1) + ")");
                }
                scanner.next();
                t = scanner.peek();
                if (t.kind() == Kind.FLOW_SEQUENCE_END) {
                    continue;
                }
            }
            first = false;
            if (t.kind() == Kind.KEY) {
                out.add(singlePairMapping());
            } else {
                out.add(node(false, false).value());
            }
        }
    }

    /** {@code [a: 1, b]}: a one-entry mapping inside a flow sequence. */
    private Map<String, Object> singlePairMapping() {
        Token keyToken = scanner.next();
        YamlComposer.MappingBuilder m = composer.mapping(true);
        Kind k = scanner.peek().kind();
        Node key = k != Kind.VALUE && k != Kind.FLOW_ENTRY && k != Kind.FLOW_SEQUENCE_END ? node(false, false) : empty(keyToken);
        Node value = flowValue(Kind.FLOW_SEQUENCE_END);
        m.put(key, value, keyToken);
        return m.build();
    }

    private Node flowValue(Kind end) {
        Token t = scanner.peek();
        if (t.kind() == Kind.VALUE) {
            scanner.next();
            Kind k = scanner.peek().kind();
            if (k != Kind.FLOW_ENTRY && k != end) {
                return node(false, false);
            }
            return empty(scanner.peek());
        }
        return empty(t);
    }

    private Map<String, Object> flowMapping() {
        Token start = scanner.next();
        YamlComposer.MappingBuilder m = composer.mapping(true);
        boolean first = true;
        while (true) {
            Token t = scanner.peek();
            if (t.kind() == Kind.FLOW_MAPPING_END) {
                scanner.next();
                return m.build();
            }
            if (!first) {
                if (t.kind() != Kind.FLOW_ENTRY) {
                    throw error(t, "did not find expected ',' or '}' (while parsing a flow mapping at line " + (start.line() + 1) + ")");
                }
                scanner.next();
                t = scanner.peek();
                if (t.kind() == Kind.FLOW_MAPPING_END) {
                    continue;
                }
            }
            first = false;
            if (t.kind() == Kind.KEY) {
                scanner.next();
                Kind k = scanner.peek().kind();
                Node key = k != Kind.VALUE && k != Kind.FLOW_ENTRY && k != Kind.FLOW_MAPPING_END ? node(false, false) : empty(t);
                m.put(key, flowValue(Kind.FLOW_MAPPING_END), t);
            } else {
                Node key = node(false, false);
                m.put(key, empty(scanner.peek()), t);
            }
        }
    }

    private void expect(Kind kind, String what) {
        Token t = scanner.next();
        if (t.kind() != kind) {
            throw error(t, "did not find expected " + what);
        }
    }

    private static YamlSyntaxException error(Token at, String problem) {
        return new YamlSyntaxException(at.line(), at.column(), problem);
    }
}
