package io.sluice.image.template;

import java.util.ArrayList;
import java.util.List;

/** Splits the inside of one action into tokens: strings, numbers, identifiers, {@code .fields}, {@code $variables}, symbols. */
final class ActionLexer {

    enum Kind { STRING, NUMBER, IDENTIFIER, FIELD, VARIABLE, SYMBOL }

    /** For FIELD, {@code text} is the chain without the leading dot ({@code A.B}, empty for {@code .}). */
    record Token(Kind kind, String text) {
    }

    private final String action;

    ActionLexer(String action) {
        this.action = action;
    }

    List<Token> tokens() throws TemplateException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < action.length()) {
            char c = action.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < action.length() && action.charAt(i) != '"') {
                    char ch = action.charAt(i);
                    if (ch == '\\' && i + 1 < action.length()) {
                        char next = action.charAt(++i);
                        value.append(switch (next) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> next;
                        });
                    } else {
                        value.append(ch);
                    }
                    i++;
                }
                if (i >= action.length()) {
                    throw new TemplateException("unterminated string in {{" + action + "}}");
                }
                tokens.add(new Token(Kind.STRING, value.toString()));
                i++;
            } else if (c == '`') {
                int end = action.indexOf('`', i + 1);
                if (end < 0) {
                    throw new TemplateException("unterminated raw string in {{" + action + "}}");
                }
                tokens.add(new Token(Kind.STRING, action.substring(i + 1, end)));
                i = end + 1;
            } else if (c == ':' && i + 1 < action.length() && action.charAt(i + 1) == '=') {
                tokens.add(new Token(Kind.SYMBOL, ":="));
                i += 2;
            } else if (c == '|' || c == '(' || c == ')' || c == ',' || c == '=') {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            } else if (c == '.' && (i + 1 >= action.length() || !Character.isDigit(action.charAt(i + 1)))) {
                int end = chain(i);
                tokens.add(new Token(Kind.FIELD, action.substring(i + 1, end)));
                i = end;
            } else if (c == '$') {
                int end = i + 1;
                while (end < action.length() && (Character.isLetterOrDigit(action.charAt(end)) || action.charAt(end) == '_')) {
                    end++;
                }
                end = action.startsWith(".", end) ? chain(end) : end;
                tokens.add(new Token(Kind.VARIABLE, action.substring(i, end)));
                i = end;
            } else if (Character.isDigit(c) || c == '-' || (c == '.' && i + 1 < action.length())) {
                int end = i + 1;
                while (end < action.length() && (Character.isDigit(action.charAt(end)) || action.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, action.substring(i, end)));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < action.length() && (Character.isLetterOrDigit(action.charAt(end)) || action.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Kind.IDENTIFIER, action.substring(i, end)));
                i = end;
            } else {
                throw new TemplateException("unexpected '" + c + "' in {{" + action + "}}");
            }
        }
        return tokens;
    }

    /** The end of {@code .A.B.C} starting at a dot. */
    private int chain(int dot) {
        int end = dot;
        while (end < action.length() && action.charAt(end) == '.') {
            end++;
            while (end < action.length() && (Character.isLetterOrDigit(action.charAt(end)) || action.charAt(end) == '_')) {
                end++;
            }
        }
        return end;
    }
}
