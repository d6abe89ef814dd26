package io.sluice.kustomize.yaml;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Prints a value tree exactly as kustomize does: kustomize marshals every resource to JSON and
 * back through go-yaml v2, so keys come out sorted (v2's natural order), strings take v2's
 * quoting rules and long scalars fold at 80 columns. This class follows libyaml's emitter
 * (block style, 2-space indent, indentless sequences under mapping keys).
 */
public final class YamlWriter {
    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;
    private static final Pattern BASE60 = Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");

    private final StringBuilder out = new StringBuilder();
    private int column;
    private int indent = -1;
    private final Deque<Integer> indents = new ArrayDeque<>();
    private boolean whitespace = true;
    private boolean indention = true;
    private int flowLevel;

    private YamlWriter() {
    }

    /** One document, ending with a newline. */
    public static String write(Object root) {
        YamlWriter w = new YamlWriter();
        w.emitNode(root, true, false, false, false);
        w.writeIndent();
        return w.out.toString();
    }

    /** Several documents separated by "---". */
    public static String writeAll(List<?> docs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < docs.size(); i++) {
            if (i > 0) {
                sb.append("---\n");
            }
            sb.append(write(docs.get(i)));
        }
        return sb.toString();
    }

    private void emitNode(Object v, boolean root, boolean sequence, boolean mapping, boolean simpleKey) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                emitEmptyFlow("{", "}");
            } else {
                emitBlockMapping(m);
            }
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                emitEmptyFlow("[", "]");
            } else {
                emitBlockSequence(l, mapping);
            }
        } else {
            emitScalar(v, simpleKey);
        }
    }

    private void emitEmptyFlow(String open, String close) {
        writeIndicator(open, true, true, false);
        increaseIndent(true, false);
        flowLevel++;
        flowLevel--;
        popIndent();
        writeIndicator(close, false, false, false);
    }

    private void emitBlockMapping(Map<?, ?> m) {
        increaseIndent(false, false);
        List<String> keys = new ArrayList<>();
        for (Object k : m.keySet()) {
            keys.add((String) k);
        }
        KeyOrder.sort(keys);
        for (String key : keys) {
            writeIndent();
            Scalar ks = scalarFor(key);
            if (!ks.analysis.multiline && utf8Length(ks.text) <= 128) {
                emitScalar(ks, true);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, true);
                emitScalar(ks, false);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            emitNode(m.get(key), false, false, true, false);
        }
        popIndent();
    }

    private void emitBlockSequence(List<?> l, boolean mappingContext) {
        increaseIndent(false, mappingContext && !indention);
        for (Object item : l) {
            writeIndent();
            writeIndicator("-", true, false, true);
            emitNode(item, false, true, false, false);
        }
        popIndent();
    }

    private void increaseIndent(boolean flow, boolean indentless) {
        indents.push(indent);
        if (indent < 0) {
            indent = flow ? BEST_INDENT : 0;
        } else if (!indentless) {
            indent += BEST_INDENT;
        }
    }

    private void popIndent() {
        indent = indents.pop();
    }

    // ---- scalars ------------------------------------------------------------------------

    private enum Style { PLAIN, SINGLE, DOUBLE, LITERAL }

    private record Scalar(String text, Style requested, Analysis analysis) {
    }

    private static Scalar scalarFor(Object v) {
        String text;
        Style style;
        if (v == null) {
            text = "null";
            style = Style.PLAIN;
        } else if (v instanceof String s) {
            text = s;
            boolean canPlain = resolvesToString(s) && (s.indexOf(':') < 0 || !BASE60.matcher(s).matches());
            if (s.indexOf('\n') >= 0) {
                style = Style.LITERAL;
            } else {
                style = canPlain ? Style.PLAIN : Style.DOUBLE;
            }
        } else if (v instanceof Double d) {
            text = GoFloat.formatG(d);
            style = Style.PLAIN;
        } else if (v instanceof Long || v instanceof Integer || v instanceof BigInteger || v instanceof Boolean) {
            text = v.toString();
            style = Style.PLAIN;
        } else {
            text = String.valueOf(v);
            style = Style.PLAIN;
        }
        return new Scalar(text, style, Analysis.of(text));
    }

    /** True when go-yaml v2 would read {@code s} back as a string if printed plain. */
    static boolean resolvesToString(String s) {
        switch (s) {
            case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
                 "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
                 "", "~", "null", "Null", "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
                 "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<":
                return false;
            default:
                break;
        }
        char c = s.charAt(0);
        if (c == '.') {
            return ScalarResolution.parseGoFloat(s) == null;
        }
        if (c == '+' || c == '-' || (c >= '0' && c <= '9')) {
            if (ScalarResolution.timestamp(s) != null) {
                return false;
            }
            String plain = s.replace("_", "");
            if (ScalarResolution.parseGoInt(plain) != null) {
                return false;
            }
            if (ScalarResolution.YAML_FLOAT.matcher(plain).matches()) {
                return false;
            }
            if (plain.startsWith("0b") || plain.startsWith("-0b")) {
                String digits = plain.substring(plain.indexOf('b') + 1);
                if (!digits.isEmpty() && digits.chars().allMatch(ch -> ch == '0' || ch == '1')) {
                    return false;
                }
            }
        }
        return true;
    }

    private void emitScalar(Object v, boolean simpleKey) {
        emitScalar(scalarFor(v), simpleKey);
    }

    private void emitScalar(Scalar s, boolean simpleKey) {
        Analysis a = s.analysis;
        Style style = s.requested;
        if (simpleKey && a.multiline) {
            style = Style.DOUBLE;
        }
        if (style == Style.PLAIN) {
            if ((flowLevel > 0 && !a.flowPlainAllowed) || (flowLevel == 0 && !a.blockPlainAllowed)) {
                style = Style.SINGLE;
            }
            if (s.text.isEmpty() && (flowLevel > 0 || simpleKey)) {
                style = Style.SINGLE;
            }
        }
        if (style == Style.SINGLE && !a.singleQuotedAllowed) {
            style = Style.DOUBLE;
        }
        if (style == Style.LITERAL && (!a.blockAllowed || flowLevel > 0 || simpleKey)) {
            style = Style.DOUBLE;
        }
        increaseIndent(true, false);
        if (style == Style.PLAIN && (s.text.indexOf(' ') < 0 || column + s.text.length() <= BEST_WIDTH)) {
            // a plain scalar that cannot fold (a plain scalar has no line breaks): written as it is
            if (!whitespace) {
                put(' ');
            }
            out.append(s.text);
            column += s.text.codePointCount(0, s.text.length());
            whitespace = false;
            indention = false;
            popIndent();
            return;
        }
        int[] cps = Analysis.codePoints(s.text);
        switch (style) {
            case PLAIN -> writePlain(cps, !simpleKey);
            case SINGLE -> writeSingleQuoted(cps, !simpleKey);
            case DOUBLE -> writeDoubleQuoted(cps, !simpleKey);
            case LITERAL -> writeLiteral(cps);
        }
        popIndent();
    }

    // ---- low level writers (libyaml semantics) ------------------------------------------

    private void put(char c) {
        out.append(c);
        column++;
    }

    private void putBreak() {
        out.append('\n');
        column = 0;
    }

    private void writeCp(int cp) {
        out.appendCodePoint(cp);
        column++;
    }

    private void writeBreakCp(int cp) {
        if (cp == '\n') {
            putBreak();
        } else {
            out.appendCodePoint(cp);
            column = 0;
        }
    }

    private void writeIndent() {
        int ind = Math.max(indent, 0);
        if (!indention || column > ind || (column == ind && !whitespace)) {
            putBreak();
        }
        while (column < ind) {
            put(' ');
        }
        whitespace = true;
        indention = true;
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        for (int i = 0; i < indicator.length(); i++) {
            put(indicator.charAt(i));
        }
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void writePlain(int[] v, boolean allowBreaks) {
        if (!whitespace) {
            put(' ');
        }
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < v.length; i++) {
            int c = v[i];
            if (c == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && !(i + 1 < v.length && v[i + 1] == ' ')) {
                    writeIndent();
                } else {
                    writeCp(c);
                }
                spaces = true;
            } else if (Analysis.isBreak(c)) {
                if (!breaks && c == '\n') {
                    putBreak();
                }
                writeBreakCp(c);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                writeCp(c);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
        whitespace = false;
        indention = false;
    }

    private void writeSingleQuoted(int[] v, boolean allowBreaks) {
        writeIndicator("'", true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < v.length; i++) {
            int c = v[i];
            if (c == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < v.length - 1 && v[i + 1] != ' ') {
                    writeIndent();
                } else {
                    writeCp(c);
                }
                spaces = true;
            } else if (Analysis.isBreak(c)) {
                if (!breaks && c == '\n') {
                    putBreak();
                }
                writeBreakCp(c);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (c == '\'') {
                    put('\'');
                }
                writeCp(c);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
        writeIndicator("'", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeDoubleQuoted(int[] v, boolean allowBreaks) {
        boolean spaces = false;
        // go-yaml v2 tests for a byte order mark at the start of the value, not at each character, so a value
        // that starts with one has every character escaped
        boolean escapeAll = v.length > 0 && v[0] == 0xFEFF;
        writeIndicator("\"", true, false, false);
        for (int i = 0; i < v.length; i++) {
            int c = v[i];
            if (escapeAll || !Analysis.isPrintable(c) || Analysis.isBreak(c) || c == '"' || c == '\\') {
                put('\\');
                switch (c) {
                    case 0x00 -> put('0');
                    case 0x07 -> put('a');
                    case 0x08 -> put('b');
                    case 0x09 -> put('t');
                    case 0x0A -> put('n');
                    case 0x0B -> put('v');
                    case 0x0C -> put('f');
                    case 0x0D -> put('r');
                    case 0x1B -> put('e');
                    case 0x22 -> put('"');
                    case 0x5C -> put('\\');
                    case 0x85 -> put('N');
                    case 0xA0 -> put('_');
                    case 0x2028 -> put('L');
                    case 0x2029 -> put('P');
                    default -> {
                        int w;
                        if (c <= 0xFF) {
                            put('x');
                            w = 2;
                        } else if (c <= 0xFFFF) {
                            put('u');
                            w = 4;
                        } else {
                            put('U');
                            w = 8;
                        }
                        for (int k = (w - 1) * 4; k >= 0; k -= 4) {
                            int digit = (c >> k) & 0x0F;
                            put((char) (digit < 10 ? '0' + digit : 'A' + digit - 10));
                        }
                    }
                }
                spaces = false;
            } else if (c == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < v.length - 1) {
                    writeIndent();
                    if (v[i + 1] == ' ') {
                        put('\\');
                    }
                } else {
                    writeCp(c);
                }
                spaces = true;
            } else {
                writeCp(c);
                spaces = false;
            }
        }
        writeIndicator("\"", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeLiteral(int[] v) {
        writeIndicator("|", true, false, false);
        if (v.length > 0 && (v[0] == ' ' || Analysis.isBreak(v[0]))) {
            writeIndicator(String.valueOf((char) ('0' + BEST_INDENT)), false, false, false);
        }
        String chomp = null;
        if (v.length == 0) {
            chomp = "-";
        } else if (!Analysis.isBreak(v[v.length - 1])) {
            chomp = "-";
        } else if (v.length == 1) {
            chomp = "+";
        } else if (Analysis.isBreak(v[v.length - 2])) {
            chomp = "+";
        }
        if (chomp != null) {
            writeIndicator(chomp, false, false, false);
        }
        putBreak();
        indention = true;
        whitespace = true;
        boolean breaks = true;
        for (int c : v) {
            if (Analysis.isBreak(c)) {
                writeBreakCp(c);
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                writeCp(c);
                indention = false;
                breaks = false;
            }
        }
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
