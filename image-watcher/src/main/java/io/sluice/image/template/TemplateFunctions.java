package io.sluice.image.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The functions templates can call: Go's builtins ({@code print}, {@code printf}, {@code println}, {@code len},
 * {@code index}, {@code not}, {@code and}, {@code or}, {@code eq}, {@code ne}, {@code lt}, {@code le}, {@code gt},
 * {@code ge}) and the Sprig ones commit templates use ({@code lower}, {@code upper}, {@code title}, {@code trim},
 * {@code trimPrefix}, {@code trimSuffix}, {@code replace}, {@code contains}, {@code hasPrefix}, {@code hasSuffix},
 * {@code join}, {@code toString}, {@code quote}, {@code squote}, {@code default}, {@code empty}, {@code sha256sum},
 * {@code trunc}, {@code repeat}, {@code nospace}, {@code indent}, {@code nindent}). Values print as Go's {@code %v}.
 */
final class TemplateFunctions {

    private TemplateFunctions() {
    }

    static Object call(String name, List<Object> a, String source) throws TemplateException {
        try {
            return switch (name) {
                case "print" -> a.stream().map(TemplateFunctions::print).collect(Collectors.joining());
                case "println" -> a.stream().map(TemplateFunctions::print).collect(Collectors.joining(" ")) + "\n";
                case "printf" -> printf(print(a.get(0)), a.subList(1, a.size()));
                case "len" -> (long) length(a.get(0));
                case "index" -> index(a.get(0), a.subList(1, a.size()));
                case "not" -> !truth(a.get(0));
                case "and" -> a.stream().filter(v -> !truth(v)).findFirst().orElse(a.get(a.size() - 1));
                case "or" -> a.stream().filter(TemplateFunctions::truth).findFirst().orElse(a.get(a.size() - 1));
                case "eq" -> a.subList(1, a.size()).stream().anyMatch(v -> print(v).equals(print(a.get(0))));
                case "ne" -> !print(a.get(0)).equals(print(a.get(1)));
                case "lt", "le", "gt", "ge" -> compare(name, a.get(0), a.get(1));
                case "lower" -> print(a.get(0)).toLowerCase(Locale.ROOT);
                case "upper" -> print(a.get(0)).toUpperCase(Locale.ROOT);
                case "title" -> title(print(a.get(0)));
                case "trim" -> print(a.get(0)).strip();
                case "trimPrefix" -> trimPrefix(print(a.get(1)), print(a.get(0)));
                case "trimSuffix" -> trimSuffix(print(a.get(1)), print(a.get(0)));
                case "replace" -> print(a.get(2)).replace(print(a.get(0)), print(a.get(1)));
                case "contains" -> print(a.get(1)).contains(print(a.get(0)));
                case "hasPrefix" -> print(a.get(1)).startsWith(print(a.get(0)));
                case "hasSuffix" -> print(a.get(1)).endsWith(print(a.get(0)));
                case "join" -> ((Collection<?>) a.get(1)).stream().map(TemplateFunctions::print).collect(Collectors.joining(print(a.get(0))));
                case "toString" -> print(a.get(0));
                case "quote" -> a.stream().map(v -> "\"" + print(v).replace("\\", "\\\\").replace("\"", "\\\"") + "\"").collect(Collectors.joining(" "));
                case "squote" -> a.stream().map(v -> "'" + print(v) + "'").collect(Collectors.joining(" "));
                case "default" -> truth(a.get(a.size() - 1)) && a.size() > 1 ? a.get(a.size() - 1) : a.get(0);
                case "empty" -> !truth(a.get(0));
                case "sha256sum" -> sha256(print(a.get(0)));
                case "trunc" -> trunc(print(a.get(1)), ((Number) a.get(0)).intValue());
                case "repeat" -> print(a.get(1)).repeat(((Number) a.get(0)).intValue());
                case "nospace" -> print(a.get(0)).replaceAll("\\s", "");
                case "indent" -> print(a.get(1)).lines().map(l -> " ".repeat(((Number) a.get(0)).intValue()) + l).collect(Collectors.joining("\n"));
                case "nindent" -> "\n" + print(a.get(1)).lines().map(l -> " ".repeat(((Number) a.get(0)).intValue()) + l).collect(Collectors.joining("\n"));
                default -> throw new TemplateException("function \"" + name + "\" not defined, in {{" + source + "}}");
            };
        } catch (IndexOutOfBoundsException | ClassCastException e) {
            throw new TemplateException("wrong arguments for " + name + " in {{" + source + "}}");
        }
    }

    /** Go's {@code %v}: nil is {@code <no value>}, lists {@code [a b]}, maps {@code map[k:v]}. */
    static String print(Object value) {
        if (value == null) {
            return "<no value>";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TemplateFunctions::print).collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> print(e.getKey()) + ":" + print(e.getValue())).collect(Collectors.joining(" ", "map[", "]"));
        }
        return value.toString();
    }

    /** Go's truth: false, 0, nil and empty strings and collections are false. */
    static boolean truth(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    private static String printf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int arg = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char verb = format.charAt(++i);
            if (verb == '%') {
                out.append('%');
            } else if (arg < args.size()) {
                Object value = args.get(arg++);
                out.append(verb == 'q' ? "\"" + print(value) + "\"" : print(value));
            } else {
                out.append("%!").append(verb).append("(MISSING)");
            }
        }
        return out.toString();
    }

    private static int length(Object value) throws TemplateException {
        if (value instanceof String s) {
            return s.length();
        }
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        throw new TemplateException("len of " + print(value));
    }

    private static Object index(Object value, List<Object> keys) throws TemplateException {
        Object current = value;
        for (Object key : keys) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else if (current instanceof List<?> list && key instanceof Number n) {
                current = list.get(n.intValue());
            } else {
                throw new TemplateException("can't index " + print(current) + " with " + print(key));
            }
        }
        return current;
    }

    private static boolean compare(String op, Object a, Object b) {
        int c = a instanceof Number x && b instanceof Number y ? Double.compare(x.doubleValue(), y.doubleValue()) : print(a).compareTo(print(b));
        return switch (op) {
            case "lt" -> c < 0;
            case "le" -> c <= 0;
            case "gt" -> c > 0;
            default -> c >= 0;
        };
    }

    private static String title(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split(" ", -1)) {
            words.add(word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return String.join(" ", words);
    }

    private static String trimPrefix(String text, String prefix) {
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private static String trimSuffix(String text, String suffix) {
        return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    }

    private static String trunc(String text, int length) {
        return length >= 0 ? text.substring(0, Math.min(length, text.length())) : text.substring(Math.max(0, text.length() + length));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
