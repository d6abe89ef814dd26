package io.sluice.render.helm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's {@code --set} syntax ({@code strvals}), which Flux uses for a {@code valuesFrom} entry with a
 * {@code targetPath}: the referenced value is written as {@code <targetPath>=<value>} and parsed into the values.
 * So a target path is a dotted key with list indexes ({@code a.b[0].c}, {@code \.} escapes a dot), a comma in the
 * value starts another assignment, {@code {x,y}} is a list, and, unless strings are asked for, {@code true},
 * {@code false}, {@code null} and integers become typed values, as {@code helm --set} does.
 *
 * <p>Errors carry Helm's wording ({@code key "a" has no value}), since Flux shows Helm's message.
 */
final class StrvalsParser {

    private static final int MAX_INDEX = 65536;
    private static final int MAX_NESTED_NAME_LEVEL = 30;
    private static final int EOF = -1;

    private final String text;
    private final boolean strings;
    private int pos;

    private StrvalsParser(String text, boolean strings) {
        this.text = text;
        this.strings = strings;
    }

    /** {@code helm --set}: typed values. */
    static void parseInto(String assignment, Map<String, Object> values) {
        new StrvalsParser(assignment, false).parse(values);
    }

    /** {@code helm --set-string}: every value a string. */
    static void parseIntoString(String assignment, Map<String, Object> values) {
        new StrvalsParser(assignment, true).parse(values);
    }

    /**
     * Flux's ReplacePathValue: a value in single or double quotes is set as a string without its quotes, any other
     * value as {@code --set} reads it.
     */
    static void replacePathValue(Map<String, Object> values, String path, String value) {
        boolean quoted = value.length() >= 1 && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\""));
        if (quoted) {
            parseIntoString(path + "=" + trimQuotes(value), values);
        } else {
            parseInto(path + "=" + value, values);
        }
    }

    /** Go's strings.Trim(value, "'\""): every leading and trailing quote of either kind. */
    private static String trimQuotes(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == '\'' || value.charAt(start) == '"')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == '\'' || value.charAt(end - 1) == '"')) {
            end--;
        }
        return value.substring(start, end);
    }

    private void parse(Map<String, Object> data) {
        while (key(data, 0)) {
            // one assignment per round, until the input ends
        }
    }

    /**
     * One assignment (the text up to the next top-level comma) into {@code data}.
     *
     * @return false when the input ended (the assignment read so far still stands)
     */
    @SuppressWarnings("unchecked")
    private boolean key(Map<String, Object> data, int nestedNameLevel) {
        Runes read = runesUntil("=[,.");
        if (read.last == EOF) {
            if (read.runes.isEmpty()) {
                return false;
            }
            throw new IllegalArgumentException("key \"" + read.runes + "\" has no value");
        }
        String k = read.runes;
        switch (read.last) {
            case '[' -> {
                int index = keyIndex();
                List<Object> list = data.get(k) instanceof List<?> existing ? (List<Object>) existing : new ArrayList<>();
                Item item = listItem(list, index, nestedNameLevel);
                set(data, k, item.list());
                return item.more();
            }
            case '=' -> {
                Value value = value();
                set(data, k, value.value());
                return value.more();
            }
            case ',' -> {
                set(data, k, "");
                throw new IllegalArgumentException("key \"" + k + "\" has no value (cannot end with ,)");
            }
            case '.' -> {
                if (nestedNameLevel + 1 > MAX_NESTED_NAME_LEVEL) {
                    throw new IllegalArgumentException("value name nested level is greater than maximum supported nested level of "
                            + MAX_NESTED_NAME_LEVEL);
                }
                Object existing = data.get(k);
                if (existing != null && !(existing instanceof Map)) {
                    throw new IllegalArgumentException("unable to parse key: interface conversion: '" + k + "' is not a map");
                }
                Map<String, Object> inner = existing == null ? new LinkedHashMap<>() : (Map<String, Object>) existing;
                boolean more = key(inner, nestedNameLevel + 1);
                if (more && inner.isEmpty()) {
                    throw new IllegalArgumentException("key map \"" + k + "\" has no value");
                }
                if (!inner.isEmpty()) {
                    set(data, k, inner);
                }
                return more;
            }
            default -> throw new IllegalStateException("unexpected stop rune " + (char) read.last);
        }
    }

    /** A value read after '=', and whether more input follows. */
    private record Value(Object value, boolean more) {
    }

    /** A list after one of its items was set, and whether more input follows. */
    private record Item(List<Object> list, boolean more) {
    }

    /** After '=': a {@code {a,b}} list, or one value up to the next comma. */
    private Value value() {
        if (pos >= text.length()) {
            return new Value("", false);
        }
        if (text.charAt(pos) == '{') {
            pos++;
            List<Object> list = valueList();
            return new Value(list, pos < text.length());
        }
        Runes value = runesUntil(",");
        return new Value(typed(value.runes), value.last != EOF);
    }

    private List<Object> valueList() {
        List<Object> list = new ArrayList<>();
        while (true) {
            Runes item = runesUntil(",}");
            if (item.last == EOF) {
                throw new IllegalArgumentException("list must terminate with '}'");
            }
            list.add(typed(item.runes));
            if (item.last == '}') {
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                }
                return list;
            }
        }
    }

    private int keyIndex() {
        Runes index = runesUntil("]");
        try {
            return Integer.parseInt(index.runes);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("error parsing index: strconv.Atoi: parsing \"" + index.runes + "\": invalid syntax");
        }
    }

    @SuppressWarnings("unchecked")
    private Item listItem(List<Object> list, int index, int nestedNameLevel) {
        if (index < 0) {
            throw new IllegalArgumentException("negative " + index + " index not allowed");
        }
        Runes read = runesUntil("[.=");
        if (!read.runes.isEmpty()) {
            throw new IllegalArgumentException("unexpected data at end of array index: \"" + read.runes + "\"");
        }
        switch (read.last) {
            case EOF -> {
                return new Item(list, false);
            }
            case '=' -> {
                Value value = value();
                return new Item(setIndex(list, index, value.value()), value.more());
            }
            case '[' -> {
                int next = keyIndex();
                List<Object> current = list.size() > index && list.get(index) instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
                Item inner = listItem(current, next, nestedNameLevel);
                return new Item(setIndex(list, index, inner.list()), inner.more());
            }
            case '.' -> {
                Map<String, Object> inner = list.size() > index && list.get(index) instanceof Map<?, ?> m
                        ? (Map<String, Object>) m : new LinkedHashMap<>();
                boolean more = key(inner, nestedNameLevel);
                return new Item(setIndex(list, index, inner), more);
            }
            default -> throw new IllegalArgumentException("parse error: unexpected token " + read.last);
        }
    }

    private static List<Object> setIndex(List<Object> list, int index, Object value) {
        if (index > MAX_INDEX) {
            throw new IllegalArgumentException("index of " + index + " is greater than maximum supported index of " + MAX_INDEX);
        }
        List<Object> out = new ArrayList<>(list);
        while (out.size() <= index) {
            out.add(null);
        }
        out.set(index, value);
        return out;
    }

    private static void set(Map<String, Object> data, String key, Object value) {
        if (!key.isEmpty()) {
            data.put(key, value);
        }
    }

    /** helm's typedVal: booleans, null and integers typed unless strings are asked for. */
    private Object typed(String value) {
        if (strings) {
            return value;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("null")) {
            return null;
        }
        if (value.equals("0")) {
            return 0L;
        }
        if (!value.isEmpty() && value.charAt(0) != '0') {
            try {
                return Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    private record Runes(String runes, int last) {
    }

    /** The text up to one of {@code stops} (consumed), a backslash escaping the next character. */
    private Runes runesUntil(String stops) {
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            int c = text.codePointAt(pos);
            pos += Character.charCount(c);
            if (c < 0x10000 && stops.indexOf(c) >= 0) {
                return new Runes(out.toString(), c);
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    return new Runes(out.toString(), EOF);
                }
                int next = text.codePointAt(pos);
                pos += Character.charCount(next);
                out.appendCodePoint(next);
            } else {
                out.appendCodePoint(c);
            }
        }
        return new Runes(out.toString(), EOF);
    }
}
