package io.sluice.render.substitute;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Bash-style {@code ${...}} expansion with the semantics of Flux's envsubst (its fork of drone/envsubst), which
 * kustomize-controller runs on every object for {@code spec.postBuild}:
 *
 * <ul>
 *   <li>Only the braced form expands: {@code ${var}}. A bare {@code $var} is left as text.</li>
 *   <li>{@code $$} is an escape for one {@code $}, so {@code $${var}} yields the literal {@code ${var}}.</li>
 *   <li>Defaults: {@code ${var:=default}}, {@code ${var:-default}}, {@code ${var=default}} (also {@code :?} and
 *       {@code :+}, which Flux treats the same way): the default is used when the value is empty or unset. The
 *       default may itself contain {@code ${...}}. {@code ${var-default}} is a syntax error there, and here.</li>
 *   <li>String functions: {@code ${#var}}, {@code ${var^}}, {@code ${var^^}}, {@code ${var,}}, {@code ${var,,}},
 *       {@code ${var:offset}}, {@code ${var:offset:length}}, {@code ${var#glob}}, {@code ${var##glob}},
 *       {@code ${var%glob}}, {@code ${var%%glob}}, {@code ${var/old/new}}, {@code ${var//old/new}},
 *       {@code ${var/#old/new}}, {@code ${var/%old/new}}.</li>
 *   <li>Strict mode: a variable that is not set and is not given a default is an error
 *       ("variable not set (strict mode)"); without strict mode it expands to the empty string.</li>
 * </ul>
 *
 * Lengths and offsets count Java chars where Go counts bytes; they differ only for non-ASCII values.
 */
public final class Envsubst {

    /** A syntax or strict-mode error; the message says which. */
    public static final class EnvsubstException extends RuntimeException {
        EnvsubstException(String message) {
            super(message);
        }
    }

    private final String text;
    private final Function<String, Optional<String>> lookup;
    private final boolean strict;
    private int pos;

    private Envsubst(String text, Function<String, Optional<String>> lookup, boolean strict) {
        this.text = text;
        this.lookup = lookup;
        this.strict = strict;
    }

    /**
     * Expands {@code text}.
     *
     * @param lookup the value of a variable, empty when it is not set
     * @param strict fail on an unset variable without a default
     */
    public static String eval(String text, Function<String, Optional<String>> lookup, boolean strict) {
        Envsubst e = new Envsubst(text, lookup, strict);
        return e.top();
    }

    private String top() {
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            if (at("${")) {
                out.append(func());
            } else if (at("$$")) {
                out.append('$');
                pos += 2;
            } else {
                out.append(text.charAt(pos++));
            }
        }
        return out.toString();
    }

    private boolean at(String s) {
        return text.startsWith(s, pos);
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char peek(int ahead) {
        return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
    }

    /** At "${": parses one expression and returns its value. */
    private String func() {
        int start = pos;
        pos += 2;
        if (peek() == '#') {
            pos++;
            String name = ident();
            if (name.isEmpty()) {
                throw error("bad substitution", start);
            }
            closeBrace(start);
            return String.valueOf(valueOf(name, false, start).getBytes(StandardCharsets.UTF_8).length);
        }
        String name = ident();
        if (name.isEmpty()) {
            throw error("unable to parse variable name", start);
        }
        char c = peek();
        switch (c) {
            case ':' -> {
                char next = peek(1);
                if (next == '=' || next == '-' || next == '?' || next == '+') {
                    pos += 2;
                    return withDefault(name, start);
                }
                pos++;
                return substring(name, start);
            }
            case '=' -> {
                pos++;
                return withDefault(name, start);
            }
            case ',', '^' -> {
                String op = operator(ch -> ch == ',' || ch == '^', 2);
                closeBrace(start);
                String v = valueOf(name, false, start);
                return switch (op) {
                    case "^" -> v.isEmpty() ? v : Character.toUpperCase(v.charAt(0)) + v.substring(1);
                    case "^^" -> v.toUpperCase();
                    case "," -> v.isEmpty() ? v : Character.toLowerCase(v.charAt(0)) + v.substring(1);
                    case ",," -> v.toLowerCase();
                    default -> v;
                };
            }
            case '/' -> {
                return replace(name, start);
            }
            case '#', '%' -> {
                String op = operator(ch -> ch == c, 2);
                String pattern = param(ch -> ch != '}', false, start);
                closeBrace(start);
                String v = valueOf(name, false, start);
                boolean prefix = c == '#';
                boolean longest = op.length() == 2;
                return trim(v, pattern, prefix, longest);
            }
            default -> {
                if (peek() != '}') {
                    throw error("missing closing brace", start);
                }
                pos++;
                return valueOf(name, false, start);
            }
        }
    }

    private String withDefault(String name, int start) {
        StringBuilder def = new StringBuilder();
        while (peek() != '}') {
            if (pos >= text.length()) {
                throw error("unable to parse substitution within function", start);
            }
            def.append(param(ch -> ch != '}', false, start));
        }
        pos++;
        String v = valueOf(name, true, start);
        return v.isEmpty() ? def.toString() : v;
    }

    private String substring(String name, int start) {
        String offset = param(ch -> ch != ':' && ch != '}', false, start);
        String length = null;
        if (peek() == ':') {
            pos++;
            length = param(ch -> ch != '}', false, start);
            closeBrace(start);
        } else if (peek() == '}') {
            pos++;
        } else {
            throw error("bad substitution", start);
        }
        String v = valueOf(name, false, start);
        int p;
        try {
            p = Integer.parseInt(offset);
        } catch (NumberFormatException e) {
            return v;   // bash returns the value when the offset is not a number
        }
        if (p < 0) {
            p = Math.max(0, v.length() + p);
        }
        if (length == null) {
            return p < v.length() ? v.substring(p) : "";
        }
        int n;
        try {
            n = Integer.parseInt(length);
        } catch (NumberFormatException e) {
            return v;
        }
        if (p + n >= v.length()) {
            return p < v.length() ? v.substring(p) : "";
        }
        return n < 0 ? v : v.substring(p, p + n);
    }

    private String replace(String name, int start) {
        pos++; // the first '/'
        String op = "/";
        if (peek() == '/' || peek() == '#' || peek() == '%') {
            op += peek();
            pos++;
        }
        String pattern = param(ch -> ch != '/', true, start);
        if (peek() != '/') {
            throw error("bad substitution", start);
        }
        pos++;
        String replacement = null;
        if (peek() != '}') {
            replacement = param(ch -> ch != '}', true, start);
        }
        closeBrace(start);
        String v = valueOf(name, false, start);
        String with = replacement == null ? "" : replacement;
        return switch (op) {
            case "//" -> pattern.isEmpty() ? v : v.replace(pattern, with);
            case "/#" -> replacement != null && v.startsWith(pattern) ? with + v.substring(pattern.length()) : v;
            case "/%" -> replacement != null && v.endsWith(pattern) ? v.substring(0, v.length() - pattern.length()) + with : v;
            default -> {
                int i = v.indexOf(pattern);
                yield i < 0 ? v : v.substring(0, i) + with + v.substring(i + pattern.length());
            }
        };
    }

    /**
     * A function argument: text up to a character {@code accept} rejects, with nested {@code ${...}} expanded.
     * With {@code escapes}, {@code $$}, {@code \\} and {@code \/} stand for {@code $}, {@code \} and {@code /}.
     */
    private String param(java.util.function.IntPredicate accept, boolean escapes, int start) {
        if (at("${")) {
            return func();
        }
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            if (at("${")) {
                break;
            }
            char c = text.charAt(pos);
            if (escapes && ((c == '$' && peek(1) == '$') || (c == '\\' && (peek(1) == '\\' || peek(1) == '/')))) {
                out.append(peek(1));
                pos += 2;
                continue;
            }
            if (!accept.test(c)) {
                break;
            }
            out.append(c);
            pos++;
        }
        if (out.isEmpty() && !at("${")) {
            throw error("unable to parse substitution within function", start);
        }
        return out.toString();
    }

    private String operator(java.util.function.IntPredicate accept, int max) {
        int from = pos;
        while (pos - from < max && pos < text.length() && accept.test(text.charAt(pos))) {
            pos++;
        }
        return text.substring(from, pos);
    }

    private String ident() {
        int from = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                break;
            }
            pos++;
        }
        return text.substring(from, pos);
    }

    private void closeBrace(int start) {
        if (peek() != '}') {
            throw error("bad substitution", start);
        }
        pos++;
    }

    private String valueOf(String name, boolean hasDefault, int start) {
        Optional<String> v = lookup.apply(name);
        if (v.isEmpty() && strict && !hasDefault) {
            throw new EnvsubstException("variable not set (strict mode): \"" + name + "\"");
        }
        return v.orElse("");
    }

    private EnvsubstException error(String what, int start) {
        int end = text.indexOf('}', start);
        String expr = text.substring(start, end < 0 ? Math.min(text.length(), start + 40) : end + 1);
        int line = 1;
        for (int i = 0; i < start; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new EnvsubstException(what + " in '" + expr + "' at line " + line);
    }

    /**
     * ${v#glob}, ${v##glob}, ${v%glob}, ${v%%glob}: Go path.Match globs, where '*' and '?' do not match '/'. Like
     * Flux, a suffix is trimmed by matching the reversed pattern against the reversed value (so {@code %%/*} on
     * {@code a/b/c} gives {@code a/b}, and a pattern that is malformed once reversed leaves the value alone).
     */
    private static String trim(String v, String glob, boolean prefix, boolean longest) {
        if (!prefix) {
            String reversed = trim(new StringBuilder(v).reverse().toString(), new StringBuilder(glob).reverse().toString(), true, longest);
            return new StringBuilder(reversed).reverse().toString();
        }
        Pattern p = globToRegex(glob);
        if (p == null) {
            return v;
        }
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i <= v.length(); i++) {
            String part = v.substring(0, i);
            if (!part.isEmpty() && p.matcher(part).matches()) {
                cuts.add(i);
            }
        }
        if (cuts.isEmpty()) {
            return v;
        }
        int n = longest ? cuts.get(cuts.size() - 1) : cuts.get(0);
        return v.substring(n);
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        return null;   // malformed pattern: Go's path.Match errors and the value is kept
                    }
                    String body = glob.substring(i + 1, close);
                    if (body.startsWith("^")) {
                        body = "^" + body.substring(1).replace("\\", "\\\\").replace("[", "\\[");
                    } else {
                        body = body.replace("\\", "\\\\").replace("[", "\\[");
                    }
                    re.append('[').append(body).append(']');
                    i = close;
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
