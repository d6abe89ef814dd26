package io.sluice.sandbox.cluster.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code labelSelector} query parameter in the Kubernetes syntax: requirements separated by commas, each
 * {@code key=value}, {@code key==value}, {@code key!=value}, {@code key in (a,b)}, {@code key notin (a,b)},
 * {@code key} (exists) or {@code !key} (does not exist). All requirements must hold. fabric8 turns
 * {@code matchExpressions} into exactly this syntax.
 */
record LabelSelector(List<Requirement> requirements) {

    /** One requirement of a selector. */
    sealed interface Requirement {
        boolean matches(Map<String, String> labels);
    }

    record Equals(String key, String value) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return value.equals(labels.get(key));
        }
    }

    /** {@code key!=value}: also true when the label is absent, as on a real server. */
    record NotEquals(String key, String value) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return !value.equals(labels.get(key));
        }
    }

    record In(String key, Set<String> values) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return labels.containsKey(key) && values.contains(labels.get(key));
        }
    }

    /** {@code key notin (a,b)}: also true when the label is absent, as on a real server. */
    record NotIn(String key, Set<String> values) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return !labels.containsKey(key) || !values.contains(labels.get(key));
        }
    }

    record Exists(String key) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return labels.containsKey(key);
        }
    }

    record DoesNotExist(String key) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return !labels.containsKey(key);
        }
    }

    static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    /**
     * Parses a selector as the real server does, token by token, and refuses what it refuses with its words:
     * {@code unable to parse requirement: found 'web' expected: '('}, {@code found 'value', expected: ',' or 'end of
     * string'}.
     *
     * @throws ApiException 400 BadRequest
     */
    static LabelSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        Parser parser = new Parser(Lexer.tokens(selector));
        List<Requirement> requirements = new ArrayList<>();
        while (true) {
            Token next = parser.peek();
            if (next.kind() == TokenKind.END) {
                return new LabelSelector(List.copyOf(requirements));
            }
            if (next.kind() != TokenKind.IDENTIFIER && next.kind() != TokenKind.NOT) {
                throw ApiException.badRequest("found '" + next.text() + "', expected: !, identifier, or 'end of string'");
            }
            try {
                requirements.add(parser.requirement());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("unable to parse requirement: " + e.getMessage());
            }
            Token after = parser.next();
            if (after.kind() == TokenKind.END) {
                return new LabelSelector(List.copyOf(requirements));
            }
            if (after.kind() != TokenKind.COMMA) {
                throw ApiException.badRequest("found '" + after.text() + "', expected: ',' or 'end of string'");
            }
            if (parser.peek().kind() == TokenKind.END) {
                throw ApiException.badRequest("found '', expected: identifier after ','");
            }
        }
    }

    boolean matches(Map<String, String> labels) {
        return requirements.stream().allMatch(r -> r.matches(labels));
    }

    enum TokenKind { IDENTIFIER, NOT, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, IN, NOT_IN, OPEN, CLOSE, COMMA, GREATER, LESS, END }

    record Token(TokenKind kind, String text) {
    }

    /** Splits a selector into tokens: identifiers run until white space or one of {@code !=,()<>}. */
    private static final class Lexer {

        static List<Token> tokens(String text) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '!' && text.startsWith("!=", i)) {
                    tokens.add(new Token(TokenKind.NOT_EQUALS, "!="));
                    i += 2;
                } else if (c == '=' && text.startsWith("==", i)) {
                    tokens.add(new Token(TokenKind.DOUBLE_EQUALS, "=="));
                    i += 2;
                } else if ("!=,()<>".indexOf(c) >= 0) {
                    tokens.add(new Token(switch (c) {
                        case '!' -> TokenKind.NOT;
                        case '=' -> TokenKind.EQUALS;
                        case ',' -> TokenKind.COMMA;
                        case '(' -> TokenKind.OPEN;
                        case ')' -> TokenKind.CLOSE;
                        case '<' -> TokenKind.LESS;
                        default -> TokenKind.GREATER;
                    }, String.valueOf(c)));
                    i++;
                } else {
                    int start = i;
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i))
                            && "!=,()<>".indexOf(text.charAt(i)) < 0) {
                        i++;
                    }
                    String word = text.substring(start, i);
                    tokens.add(new Token(word.equals("in") ? TokenKind.IN : word.equals("notin") ? TokenKind.NOT_IN
                            : TokenKind.IDENTIFIER, word));
                }
            }
            tokens.add(new Token(TokenKind.END, ""));
            return tokens;
        }
    }

    /** One requirement at a time; its problems are IllegalArgumentExceptions worded as the real parser's. */
    private static final class Parser {

        private final List<Token> tokens;
        private int position;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Token peek() {
            return tokens.get(position);
        }

        Token next() {
            Token token = tokens.get(position);
            if (token.kind() != TokenKind.END) {
                position++;
            }
            return token;
        }

        Requirement requirement() {
            boolean negated = peek().kind() == TokenKind.NOT;
            if (negated) {
                next();
            }
            Token key = next();
            if (key.kind() != TokenKind.IDENTIFIER) {
                throw new IllegalArgumentException("found '" + key.text() + "', expected: identifier");
            }
            LabelRules.checkKey(key.text());
            TokenKind following = peek().kind();
            if (following == TokenKind.COMMA || following == TokenKind.END) {
                return negated ? new DoesNotExist(key.text()) : new Exists(key.text());
            }
            if (negated) {
                throw new IllegalArgumentException("exists operator can't be used with a value");
            }
            Token operator = next();
            return switch (operator.kind()) {
                case IN -> new In(key.text(), values());
                case NOT_IN -> new NotIn(key.text(), values());
                case EQUALS, DOUBLE_EQUALS -> new Equals(key.text(), exactValue());
                case NOT_EQUALS -> new NotEquals(key.text(), exactValue());
                default -> throw new IllegalArgumentException("found '" + operator.text()
                        + "', expected: '=', '!=', '==', 'in', notin'");
            };
        }

        private Set<String> values() {
            Token open = next();
            if (open.kind() != TokenKind.OPEN) {
                throw new IllegalArgumentException("found '" + open.text() + "' expected: '('");
            }
            Set<String> values = new java.util.LinkedHashSet<>();
            while (true) {
                Token value = next();
                if (value.kind() == TokenKind.CLOSE && values.isEmpty()) {
                    throw new IllegalArgumentException("for 'in', 'notin' operators, values set can't be empty");
                }
                if (value.kind() != TokenKind.IDENTIFIER) {
                    throw new IllegalArgumentException("found '" + value.text() + "', expected: ',', ')' or identifier");
                }
                LabelRules.checkValue(value.text());
                values.add(value.text());
                Token separator = next();
                if (separator.kind() == TokenKind.CLOSE) {
                    return Set.copyOf(values);
                }
                if (separator.kind() != TokenKind.COMMA) {
                    throw new IllegalArgumentException("found '" + separator.text() + "', expected: ',' or ')'");
                }
            }
        }

        private String exactValue() {
            TokenKind following = peek().kind();
            if (following == TokenKind.COMMA || following == TokenKind.END) {
                return "";
            }
            Token value = next();
            if (value.kind() != TokenKind.IDENTIFIER) {
                throw new IllegalArgumentException("found '" + value.text() + "', expected: identifier");
            }
            LabelRules.checkValue(value.text());
            return value.text();
        }
    }
}
