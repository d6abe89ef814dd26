package io.sluice.kustomize.yaml;

import java.util.Map;

/**
 * The value a folded block scalar ({@code >}) has by the time kustomize prints it. kyaml turns each object into
 * JSON by writing it out with go-yaml v3 and reading the text back; a folded scalar is written folded again, and
 * go-yaml's writer adds an extra line break before every line that follows a line not starting with a blank
 * whenever the value itself does not start with a blank (it checks the first character of the value instead of
 * the next line). Read back, a more-indented line after a normal line gains an empty line before it:
 * {@code ">\n  x\n    y\n"} reads as {@code "x\n  y\n"} and prints as {@code "x\n\n  y\n"}.
 */
final class FoldedScalars {
    private FoldedScalars() {
    }

    /** {@code value} (read from a folded scalar) after go-yaml v3 wrote it folded and read it back. */
    static String afterRoundTrip(String value) {
        if (!blockAllowed(value)) {
            return value;   // written double-quoted instead, which reads back unchanged
        }
        StringBuilder text = new StringBuilder("v: >");
        if (value.charAt(0) == ' ' || isBreak(value.charAt(0))) {
            text.append('2');
        }
        char last = value.charAt(value.length() - 1);
        if (!isBreak(last)) {
            text.append('-');
        } else if (value.length() == 1 || isBreak(value.charAt(value.length() - 2))) {
            text.append('+');
        }
        text.append('\n');
        int k = 0;
        while (k < value.length() && isBreak(value.charAt(k))) {
            k++;
        }
        boolean extraBreaks = k < value.length() && value.charAt(k) != ' ' && value.charAt(k) != '\t';
        boolean breaks = true;
        boolean leadingSpaces = true;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (isBreak(ch)) {
                if (!breaks && !leadingSpaces && ch == '\n' && extraBreaks) {
                    text.append('\n');
                }
                text.append(ch);
                breaks = true;
            } else {
                if (breaks) {
                    text.append("  ");
                    leadingSpaces = ch == ' ' || ch == '\t';
                }
                text.append(ch);
                breaks = false;
            }
        }
        text.append('\n');
        Object doc = new YamlParser(text.toString(), false, false).next();
        return doc instanceof Map<?, ?> m && m.get("v") instanceof String s ? s : value;
    }

    /** go-yaml writes a value as a block scalar unless it ends with a space, has a space before a line break, or unprintable characters. */
    private static boolean blockAllowed(String value) {
        if (value.isEmpty() || value.charAt(value.length() - 1) == ' ') {
            return false;
        }
        boolean previousSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch != '\t' && !printable(ch, i, value)) {
                return false;
            }
            if (isBreak(ch) && previousSpace) {
                return false;
            }
            previousSpace = ch == ' ';
        }
        return true;
    }

    private static boolean printable(char ch, int i, String value) {
        if (ch == '\n' || (ch >= 0x20 && ch <= 0x7E) || (ch >= 0xA0 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD && ch != 0xFEFF)) {
            return true;
        }
        return Character.isHighSurrogate(ch) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                || Character.isLowSurrogate(ch) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    private static boolean isBreak(char ch) {
        return ch == '\n' || ch == '\r' || ch == 0x85 || ch == 0x2028 || ch == 0x2029;
    }
}
