package io.sluice.sandbox.cluster.apiserver;

/**
 * The first JSON syntax error of a text, worded as Go's {@code encoding/json} words it ({@code invalid character
 * 'n' looking for beginning of object key string}, {@code unexpected end of JSON input}), for the server's messages
 * that quote it: bad patches, Secrets whose docker config is not JSON.
 */
final class GoJsonSyntax {

    private final String text;
    private int at;

    private GoJsonSyntax(String text) {
        this.text = text;
    }

    /** Go's message for the first syntax error, or null when the text is one valid JSON value. */
    static String firstError(String text) {
        GoJsonSyntax scanner = new GoJsonSyntax(text);
        try {
            scanner.value();
            scanner.skipSpace();
            if (scanner.at < text.length()) {
                throw scanner.invalid("after top-level value");
            }
            return null;
        } catch (SyntaxError e) {
            return e.getMessage();
        }
    }

    private static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private void value() {
        skipSpace();
        char c = next();
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number(c);
                } else {
                    at--;
                    throw invalid("looking for beginning of value");
                }
            }
        }
    }

    private void object() {
        skipSpace();
        if (peek() == '}') {
            at++;
            return;
        }
        while (true) {
            skipSpace();
            if (next() != '"') {
                at--;
                throw invalid("looking for beginning of object key string");
            }
            string();
            skipSpace();
            if (next() != ':') {
                at--;
                throw invalid("after object key");
            }
            value();
            skipSpace();
            char c = next();
            if (c == '}') {
                return;
            }
            if (c != ',') {
                at--;
                throw invalid("after object key:value pair");
            }
        }
    }

    private void array() {
        skipSpace();
        if (peek() == ']') {
            at++;
            return;
        }
        while (true) {
            value();
            skipSpace();
            char c = next();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                at--;
                throw invalid("after array element");
            }
        }
    }

    private void string() {
        while (true) {
            char c = next();
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                at--;
                throw invalid("in string literal");
            }
            if (c == '\\') {
                char escape = next();
                if (escape == 'u') {
                    for (int i = 0; i < 4; i++) {
                        char hex = next();
                        if (Character.digit(hex, 16) < 0) {
                            at--;
                            throw invalid("in \\u hexadecimal character escape");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(escape) < 0) {
                    at--;
                    throw invalid("in string escape code");
                }
            }
        }
    }

    private void number(char first) {
        if (first == '-') {
            char c = next();
            if (c < '0' || c > '9') {
                at--;
                throw invalid("in numeric literal");
            }
            first = c;
        }
        if (first != '0') {
            digits();
        }
        if (peek() == '.') {
            at++;
            char c = next();
            if (c < '0' || c > '9') {
                at--;
                throw invalid("after decimal point in numeric literal");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            char c = next();
            if (c < '0' || c > '9') {
                at--;
                throw invalid("in exponent of numeric literal");
            }
            digits();
        }
    }

    private void digits() {
        while (peek() >= '0' && peek() <= '9') {
            at++;
        }
    }

    private void literal(String word) {
        for (int i = 1; i < word.length(); i++) {
            char c = next();
            if (c != word.charAt(i)) {
                at--;
                throw invalid("in literal " + word + " (expecting '" + word.charAt(i) + "')");
            }
        }
    }

    private void skipSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    /** The next character; the end of the text is Go's "unexpected end of JSON input". */
    private char next() {
        if (at >= text.length()) {
            throw new SyntaxError("unexpected end of JSON input");
        }
        return text.charAt(at++);
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private SyntaxError invalid(String context) {
        return new SyntaxError("invalid character " + quoteChar(text.charAt(at)) + " " + context);
    }

    /** Go's {@code quoteChar}: {@code 'x'}, with escapes for quotes and control characters. */
    private static String quoteChar(char c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        String quoted = GoSyntax.quote(String.valueOf(c));
        return "'" + quoted.substring(1, quoted.length() - 1) + "'";
    }
}
