package io.sluice.kustomize.yaml;

/**
 * A position in YAML text with the character classes of go-yaml's reader: line breaks are LF, CR, CR LF,
 * NEL (U+0085), LS (U+2028) and PS (U+2029); blanks are space and tab; the end of the text reads as NUL
 * (the reader rejects a real NUL before scanning starts, see {@link #checkCharacters}).
 */
final class YamlCursor {
    static final char END = '\0';
    /** Look-ahead past the end reads END: the longest look-ahead is 4 characters ("--- " and a line break). */
    private static final int PADDING = 8;

    // a char array rather than String.charAt: this is the innermost loop of every build, and a cold JVM interprets it
    private final char[] text;
    private final int length;
    int pos;
    int line;
    int column;

    YamlCursor(String text) {
        this.length = text.length();
        this.text = new char[length + PADDING];
        text.getChars(0, length, this.text, 0);
    }

    /**
     * go-yaml's reader allows TAB, LF, CR, printable ASCII, NEL, U+00A0..U+D7FF, U+E000..U+FFFD and the
     * supplementary planes; anything else fails before a token is scanned.
     */
    void checkCharacters() {
        int atLine = 0;
        int atColumn = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == 0x85
                    || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text[i + 1])) {
                ok = true;
                i++;
            }
            if (!ok) {
                throw new YamlSyntaxException(atLine, atColumn, "control characters are not allowed (U+"
                        + Integer.toHexString(0x10000 | c).substring(1).toUpperCase(java.util.Locale.ROOT) + ")");
            }
            if (c == '\n') {
                atLine++;
                atColumn = 0;
            } else {
                atColumn++;
            }
        }
    }

    char ch() {
        return text[pos];
    }

    char ch(int ahead) {
        return text[pos + ahead];
    }

    boolean atEnd() {
        return pos >= length;
    }

    private static boolean breakChar(char c) {
        return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    boolean isBreak(int ahead) {
        return breakChar(text[pos + ahead]);
    }

    boolean isBreak() {
        return breakChar(text[pos]);
    }

    boolean isBlank(int ahead) {
        char c = text[pos + ahead];
        return c == ' ' || c == '\t';
    }

    boolean isBlank() {
        char c = text[pos];
        return c == ' ' || c == '\t';
    }

    boolean isBreakOrEnd(int ahead) {
        return pos + ahead >= length || breakChar(text[pos + ahead]);
    }

    /** A blank, a line break or the end ({@code END} past the end is neither blank nor break, so the end is tested). */
    boolean isBlankOrEnd(int ahead) {
        int i = pos + ahead;
        if (i >= length) {
            return true;
        }
        char c = text[i];
        return c == ' ' || c == '\t' || breakChar(c);
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
        out.append(text[pos]);
        pos++;
        column++;
    }

    /**
     * How many characters from here belong to a plain scalar before a blank, a line break, the end, ": " (or ':'
     * at the end of a line) or, in flow context, one of {@code ,?[]{}}.
     */
    int plainRun(int flowLevel) {
        int i = pos;
        while (i < length) {
            char c = text[i];
            if (c == ' ' || c == '\t' || breakChar(c)) {
                break;
            }
            if (c == ':') {
                char next = text[i + 1];
                if (i + 1 >= length || next == ' ' || next == '\t' || breakChar(next)) {
                    break;
                }
            } else if (flowLevel > 0 && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}')) {
                break;
            }
            i++;
        }
        return i - pos;
    }

    /** Appends the next {@code n} characters (none a line break) and moves over them. */
    void read(StringBuilder out, int n) {
        out.append(text, pos, n);
        pos += n;
        column += n;
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
