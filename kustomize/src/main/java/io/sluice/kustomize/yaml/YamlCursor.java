package io.sluice.kustomize.yaml;

/**
 * A position in YAML text with the character classes of go-yaml's reader: line breaks are LF, CR, CR LF,
 * NEL (U+0085), LS (U+2028) and PS (U+2029); blanks are space and tab; the end of the text reads as NUL
 * (the reader rejects a real NUL before scanning starts, see {@link #checkCharacters}).
 */
final class YamlCursor {
    static final char END = '\0';

    private final String text;
    int pos;
    int line;
    int column;

    YamlCursor(String text) {
        this.text = text;
    }

    /**
     * go-yaml's reader allows TAB, LF, CR, printable ASCII, NEL, U+00A0..U+D7FF, U+E000..U+FFFD and the
     * supplementary planes; anything else fails before a token is scanned.
     */
    static void checkCharacters(String text) {
        int line = 0;
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == 0x85
                    || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                ok = true;
                i++;
            }
            if (!ok) {
                throw new YamlSyntaxException(line, column, "control characters are not allowed (U+"
                        + String.format("%04X", (int) c) + ")");
            }
            if (c == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
    }

    char ch() {
        return pos < text.length() ? text.charAt(pos) : END;
    }

    char ch(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : END;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    boolean isBreak(int ahead) {
        char c = ch(ahead);
        return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    boolean isBreak() {
        return isBreak(0);
    }

    boolean isBlank(int ahead) {
        char c = ch(ahead);
        return c == ' ' || c == '\t';
    }

    boolean isBlank() {
        return isBlank(0);
    }

    boolean isBreakOrEnd(int ahead) {
        return isBreak(ahead) || pos + ahead >= text.length();
    }

    boolean isBlankOrEnd(int ahead) {
        return isBlank(ahead) || isBreakOrEnd(ahead);
    }

    boolean isBlankOrEnd() {
        return isBlankOrEnd(0);
    }

    /** Moves over one character that is not a line break. */
    void skip() {
        pos++;
        column++;
    }

    /** Moves over one line break (CR LF counts as one). */
    void skipLine() {
        if (ch() == '\r' && ch(1) == '\n') {
            pos += 2;
        } else if (isBreak()) {
            pos++;
        } else {
            return;
        }
        line++;
        column = 0;
    }

    /** Appends the current character and moves over it. */
    void read(StringBuilder out) {
        out.append(text.charAt(pos));
        skip();
    }

    /** Appends a line break as go-yaml stores it (LS and PS stay themselves, the others become LF) and moves over it. */
    void readLine(StringBuilder out) {
        char c = ch();
        if (c == 0x2028 || c == 0x2029) {
            out.append(c);
        } else if (isBreak()) {
            out.append('\n');
        } else {
            return;
        }
        skipLine();
    }

    YamlSyntaxException error(String problem) {
        return new YamlSyntaxException(line, column, problem);
    }

    YamlSyntaxException error(int atLine, int atColumn, String problem) {
        return new YamlSyntaxException(atLine, atColumn, problem);
    }
}
