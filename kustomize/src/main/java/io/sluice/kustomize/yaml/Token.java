package io.sluice.kustomize.yaml;

/**
 * One token of the YAML scanner (the token set of libyaml and go-yaml).
 *
 * @param value  scalar text, anchor or alias name, tag handle, or directive handle
 * @param suffix tag suffix, or tag directive prefix
 */
record Token(Kind kind, int line, int column, String value, String suffix, ScalarStyle style) {

    enum Kind {
        STREAM_START, STREAM_END, VERSION_DIRECTIVE, TAG_DIRECTIVE, DOCUMENT_START, DOCUMENT_END,
        BLOCK_SEQUENCE_START, BLOCK_MAPPING_START, BLOCK_END,
        FLOW_SEQUENCE_START, FLOW_SEQUENCE_END, FLOW_MAPPING_START, FLOW_MAPPING_END,
        BLOCK_ENTRY, FLOW_ENTRY, KEY, VALUE, ALIAS, ANCHOR, TAG, SCALAR
    }

    /** How a scalar was written; decides how it resolves (only plain scalars can be numbers, booleans or null). */
    enum ScalarStyle { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED }

    static Token of(Kind kind, int line, int column) {
        return new Token(kind, line, column, null, null, null);
    }

    static Token scalar(int line, int column, String value, ScalarStyle style) {
        return new Token(Kind.SCALAR, line, column, value, null, style);
    }
}
