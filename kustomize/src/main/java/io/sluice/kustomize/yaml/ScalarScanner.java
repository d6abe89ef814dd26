package io.sluice.kustomize.yaml;

import io.sluice.kustomize.yaml.Token.ScalarStyle;

/**
 * Scans the three kinds of scalar text the way go-yaml (libyaml) does, whitespace rules included: plain
 * scalars (folded over lines, ended by ": ", " #", flow indicators in flow context or a less indented line),
 * quoted scalars (escapes, line folding, tabs kept) and block scalars (indentation indicators, chomping,
 * libyaml's folding of more-indented lines). Each method starts at the scalar and leaves the cursor after it.
 */
final class ScalarScanner {
    private final YamlCursor c;

    ScalarScanner(YamlCursor cursor) {
        this.c = cursor;
    }

    /** The result of a plain scalar: its token and whether it ended on a new line (a simple key may follow). */
    record Plain(Token token, boolean endedOnNewLine) {
    }

    /**
     * @param indent    the indentation of the enclosing block (a continuation line must be indented more)
     * @param flowLevel the depth of flow collections around it
     */
    Plain plain(int indent, int flowLevel) {
        int startLine = c.line;
        int startColumn = c.column;
        StringBuilder s = new StringBuilder();
        StringBuilder leadingBreak = new StringBuilder();
        StringBuilder trailingBreaks = new StringBuilder();
        StringBuilder whitespaces = new StringBuilder();
        boolean leadingBlanks = false;
        int minIndent = indent + 1;
        while (true) {
            if (c.column == 0 && documentIndicator()) {
                break;
            }
            if (c.ch() == '#') {
                break;
            }
            int run = c.plainRun(flowLevel);
            if (run > 0) {
                if (leadingBlanks) {
                    appendFold(s, leadingBreak, trailingBreaks);
                    leadingBlanks = false;
                } else if (!whitespaces.isEmpty()) {
                    s.append(whitespaces);
                    whitespaces.setLength(0);
                }
                c.read(s, run);
            }
            if (!(c.isBlank() || c.isBreak())) {
                break;
            }
            leadingBlanks = blanksAndBreaks(leadingBlanks, whitespaces, leadingBreak, trailingBreaks, minIndent, startLine, startColumn);
            if (flowLevel == 0 && c.column < minIndent) {
                break;
            }
        }
        return new Plain(Token.scalar(startLine, startColumn, s.toString(), ScalarStyle.PLAIN), leadingBlanks);
    }

    /**
     * The blanks and line breaks between two runs of text of a plain or quoted scalar, as libyaml takes them: blanks
     * before the first break go to {@code whitespaces}, the first break to {@code leadingBreak}, later breaks to
     * {@code trailingBreaks}, blanks after a break are dropped.
     *
     * @param leadingBlanks whether a line break was already seen
     * @param tabIndent     a TAB in the indentation of a continuation line left of this column is an error (plain
     *                      scalars); -1 for none
     * @return whether a line break has been seen
     */
    private boolean blanksAndBreaks(boolean leadingBlanks, StringBuilder whitespaces, StringBuilder leadingBreak,
            StringBuilder trailingBreaks, int tabIndent, int startLine, int startColumn) {
        boolean broken = leadingBlanks;
        while (c.isBlank() || c.isBreak()) {
            if (c.isBlank()) {
                if (broken && c.column < tabIndent && c.ch() == '\t') {
                    throw c.error(startLine, startColumn, "found a tab character that violates indentation (while scanning a plain scalar)");
                }
                if (broken) {
                    c.skip();
                } else {
                    c.read(whitespaces);
                }
            } else if (!broken) {
                whitespaces.setLength(0);
                c.readLine(leadingBreak);
                broken = true;
            } else {
                c.readLine(trailingBreaks);
            }
        }
        return broken;
    }

    /** A single- or double-quoted scalar, the cursor on its opening quote. */
    Token quoted(boolean single) {
        int startLine = c.line;
        int startColumn = c.column;
        c.skip();
        StringBuilder s = new StringBuilder();
        StringBuilder leadingBreak = new StringBuilder();
        StringBuilder trailingBreaks = new StringBuilder();
        StringBuilder whitespaces = new StringBuilder();
        while (true) {
            if (c.column == 0 && documentIndicator()) {
                throw c.error(startLine, startColumn, "found unexpected document indicator (while scanning a quoted scalar)");
            }
            if (c.atEnd()) {
                throw c.error(startLine, startColumn, "found unexpected end of stream (while scanning a quoted scalar)");
            }
            boolean leadingBlanks = false;
            while (!c.isBlankOrEnd()) {
                char ch = c.ch();
                if (single && ch == '\'' && c.ch(1) == '\'') {
                    s.append('\'');
                    c.skip();
                    c.skip();
                } else if (ch == (single ? '\'' : '"')) {
                    break;
                } else if (!single && ch == '\\' && c.isBreak(1)) {
                    c.skip();
                    c.skipLine();
                    leadingBlanks = true;
                    break;
                } else if (!single && ch == '\\') {
                    escape(s, startLine, startColumn);
                } else {
                    c.read(s);
                }
            }
            if (c.ch() == (single ? '\'' : '"')) {
                break;
            }
            leadingBlanks = blanksAndBreaks(leadingBlanks, whitespaces, leadingBreak, trailingBreaks, -1, startLine, startColumn);
            if (leadingBlanks) {
                appendFold(s, leadingBreak, trailingBreaks);
            } else {
                s.append(whitespaces);
                whitespaces.setLength(0);
            }
        }
        c.skip();
        return Token.scalar(startLine, startColumn, s.toString(), single ? ScalarStyle.SINGLE_QUOTED : ScalarStyle.DOUBLE_QUOTED);
    }

    /** A line break inside a flow scalar folds to a space; with empty lines after it, to those line breaks. */
    private static void appendFold(StringBuilder s, StringBuilder leadingBreak, StringBuilder trailingBreaks) {
        if (!leadingBreak.isEmpty() && leadingBreak.charAt(0) == '\n') {
            if (trailingBreaks.isEmpty()) {
                s.append(' ');
            } else {
                s.append(trailingBreaks);
            }
        } else {
            s.append(leadingBreak).append(trailingBreaks);
        }
        leadingBreak.setLength(0);
        trailingBreaks.setLength(0);
    }

    private void escape(StringBuilder s, int startLine, int startColumn) {
        char e = c.ch(1);
        int hexDigits = 0;
        switch (e) {
            case '0' -> s.append('\0');
            case 'a' -> s.append('\u0007');
            case 'b' -> s.append('\b');
            case 't', '\t' -> s.append('\t');
            case 'n' -> s.append('\n');
            case 'v' -> s.append('\u000B');
            case 'f' -> s.append('\f');
            case 'r' -> s.append('\r');
            case 'e' -> s.append('\u001B');
            case ' ' -> s.append(' ');
            case '"' -> s.append('"');
            case '\'' -> s.append('\'');
            case '\\' -> s.append('\\');
            case 'N' -> s.append('\u0085');
            case '_' -> s.append('\u00A0');
            case 'L' -> s.append('\u2028');
            case 'P' -> s.append('\u2029');
            case 'x' -> hexDigits = 2;
            case 'u' -> hexDigits = 4;
            case 'U' -> hexDigits = 8;
            default -> throw c.error(startLine, startColumn, "found unknown escape character (while parsing a quoted scalar)");
        }
        c.skip();
        c.skip();
        if (hexDigits == 0) {
            return;
        }
        int value = 0;
        for (int k = 0; k < hexDigits; k++) {
            int d = Character.digit(c.ch(k), 16);
            if (d < 0 || c.ch(k) > 'f') {
                throw c.error(startLine, startColumn, "did not find expected hexdecimal number (while parsing a quoted scalar)");
            }
            value = (value << 4) + d;
        }
        if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF || value < 0) {
            throw c.error(startLine, startColumn, "found invalid Unicode character escape code (while parsing a quoted scalar)");
        }
        s.appendCodePoint(value);
        for (int k = 0; k < hexDigits; k++) {
            c.skip();
        }
    }

    /**
     * A literal ({@code |}) or folded ({@code >}) block scalar, the cursor on its indicator.
     *
     * @param parentIndent the indentation of the enclosing block (-1 at the top)
     */
    Token block(boolean literal, int parentIndent) {
        int startLine = c.line;
        int startColumn = c.column;
        c.skip();
        int chomping = 0;
        int increment = 0;
        if (c.ch() == '+' || c.ch() == '-') {
            chomping = c.ch() == '+' ? 1 : -1;
            c.skip();
            if (Character.isDigit(c.ch()) && c.ch() < 0x80) {
                increment = indentationIndicator(startLine, startColumn);
            }
        } else if (Character.isDigit(c.ch()) && c.ch() < 0x80) {
            increment = indentationIndicator(startLine, startColumn);
            if (c.ch() == '+' || c.ch() == '-') {
                chomping = c.ch() == '+' ? 1 : -1;
                c.skip();
            }
        }
        while (c.isBlank()) {
            c.skip();
        }
        if (c.ch() == '#') {
            while (!c.isBreakOrEnd(0)) {
                c.skip();
            }
        }
        if (!c.isBreakOrEnd(0)) {
            throw c.error(startLine, startColumn, "did not find expected comment or line break (while scanning a block scalar)");
        }
        c.skipLine();
        int[] indent = {increment > 0 ? (parentIndent >= 0 ? parentIndent + increment : increment) : 0};
        StringBuilder s = new StringBuilder();
        StringBuilder leadingBreak = new StringBuilder();
        StringBuilder trailingBreaks = new StringBuilder();
        blockBreaks(indent, trailingBreaks, parentIndent, startLine, startColumn);
        boolean leadingBlank = false;
        while (c.column == indent[0] && !c.atEnd()) {
            boolean trailingBlank = c.isBlank();
            if (!literal && !leadingBlank && !trailingBlank && !leadingBreak.isEmpty() && leadingBreak.charAt(0) == '\n') {
                if (trailingBreaks.isEmpty()) {
                    s.append(' ');
                }
            } else {
                s.append(leadingBreak);
            }
            leadingBreak.setLength(0);
            s.append(trailingBreaks);
            trailingBreaks.setLength(0);
            leadingBlank = c.isBlank();
            while (!c.isBreakOrEnd(0)) {
                c.read(s);
            }
            c.readLine(leadingBreak);
            blockBreaks(indent, trailingBreaks, parentIndent, startLine, startColumn);
        }
        if (chomping != -1) {
            s.append(leadingBreak);
        }
        if (chomping == 1) {
            s.append(trailingBreaks);
        }
        return Token.scalar(startLine, startColumn, s.toString(), literal ? ScalarStyle.LITERAL : ScalarStyle.FOLDED);
    }

    private int indentationIndicator(int startLine, int startColumn) {
        if (c.ch() == '0') {
            throw c.error(startLine, startColumn, "found an indentation indicator equal to 0 (while scanning a block scalar)");
        }
        int v = c.ch() - '0';
        c.skip();
        return v;
    }

    /** Empty and less indented lines of a block scalar; fixes the indentation from the first line when not given. */
    private void blockBreaks(int[] indent, StringBuilder breaks, int parentIndent, int startLine, int startColumn) {
        int maxIndent = 0;
        while (true) {
            while ((indent[0] == 0 || c.column < indent[0]) && c.ch() == ' ') {
                c.skip();
            }
            maxIndent = Math.max(maxIndent, c.column);
            if ((indent[0] == 0 || c.column < indent[0]) && c.ch() == '\t') {
                throw c.error(startLine, startColumn,
                        "found a tab character where an indentation space is expected (while scanning a block scalar)");
            }
            if (!c.isBreak()) {
                break;
            }
            c.readLine(breaks);
        }
        if (indent[0] == 0) {
            indent[0] = Math.max(Math.max(maxIndent, parentIndent + 1), 1);
        }
    }

    /** "---" or "..." followed by a blank, a line break or the end, at the start of a line. */
    boolean documentIndicator() {
        char a = c.ch();
        return (a == '-' || a == '.') && c.ch(1) == a && c.ch(2) == a && c.isBlankOrEnd(3);
    }
}
