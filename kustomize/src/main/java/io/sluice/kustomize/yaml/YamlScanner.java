package io.sluice.kustomize.yaml;

import io.sluice.kustomize.yaml.Token.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns YAML text into tokens with the rules of go-yaml's scanner (a port of libyaml's algorithm, written
 * afresh here), because kustomize reads every file with go-yaml and Kubernetes manifests rely on its
 * leniencies. The ones that matter most:
 *
 * <ul>
 *   <li>a TAB is whitespace wherever a simple key cannot start: after {@code key:}, after a scalar, after
 *       {@code ---}, and anywhere inside flow collections; it is an error at the start of a block line and
 *       right after {@code -}, {@code ?} or a complex key's {@code :};</li>
 *   <li>NEL, LS and PS are line breaks, CR LF and a lone CR too;</li>
 *   <li>an implicit key must end on its line with {@code :} within 1024 characters.</li>
 * </ul>
 *
 * Tokens are produced on demand ({@link #peek()}, {@link #next()}) because a plain scalar only becomes a key
 * when the {@code :} after it is seen, and the KEY token is then inserted before it.
 */
final class YamlScanner {
    private final YamlCursor c;
    private final ScalarScanner scalars;
    private final List<Token> queue = new ArrayList<>();
    private int head;
    private int tokensTaken;
    private boolean started;
    private boolean ended;
    private int flowLevel;
    private int indent = -1;
    private final IntStack indents = new IntStack();
    private final List<SimpleKey> simpleKeys = new ArrayList<>();
    private boolean simpleKeyAllowed;
    /** The token at the head is final (no simple key may still insert a KEY before it): peeking again is free. */
    private boolean tokenAvailable;

    /** A place where a plain or quoted scalar (or a flow collection) may turn out to be a mapping key. */
    private static final class SimpleKey {
        boolean possible;
        boolean required;
        int tokenNumber;
        int index;
        int line;
        int column;
    }

    YamlScanner(String text) {
        this.c = new YamlCursor(text);
        c.checkCharacters();
        if (text.startsWith("\uFEFF")) {
            c.pos = 1;   // the reader drops a byte order mark at the start of the stream
        }
        this.scalars = new ScalarScanner(c);
    }

    /** The next token, without taking it. */
    Token peek() {
        if (!tokenAvailable) {
            fetchMoreTokens();
            tokenAvailable = true;
        }
        return queue.get(head);
    }

    /** Takes the next token. */
    Token next() {
        Token t = peek();
        tokenAvailable = false;
        head++;
        tokensTaken++;
        if (head > 64) {
            queue.subList(0, head).clear();
            head = 0;
        }
        return t;
    }

    private void fetchMoreTokens() {
        while (true) {
            boolean needMore = head == queue.size();
            if (!needMore) {
                staleSimpleKeys();
                for (int i = 0; i < simpleKeys.size(); i++) {
                    SimpleKey k = simpleKeys.get(i);
                    if (k.possible && k.tokenNumber == tokensTaken) {
                        needMore = true;
                        break;
                    }
                }
            }
            if (!needMore) {
                return;
            }
            fetchNextToken();
        }
    }

    private void fetchNextToken() {
        if (!started) {
            started = true;
            simpleKeys.add(new SimpleKey());
            simpleKeyAllowed = true;
            queue.add(Token.of(Kind.STREAM_START, c.line, c.column));
            return;
        }
        if (ended) {
            throw c.error("unexpected end of the YAML stream");
        }
        scanToNextToken();
        staleSimpleKeys();
        unrollIndent(c.column);
        if (c.atEnd()) {
            streamEnd();
            return;
        }
        char ch = c.ch();
        if (c.column == 0 && ch == '%') {
            directive();
            return;
        }
        if (c.column == 0 && scalars.documentIndicator()) {
            documentIndicator(ch == '-' ? Kind.DOCUMENT_START : Kind.DOCUMENT_END);
            return;
        }
        switch (ch) {
            case '[' -> flowCollectionStart(Kind.FLOW_SEQUENCE_START);
            case '{' -> flowCollectionStart(Kind.FLOW_MAPPING_START);
            case ']' -> flowCollectionEnd(Kind.FLOW_SEQUENCE_END);
            case '}' -> flowCollectionEnd(Kind.FLOW_MAPPING_END);
            case ',' -> flowEntry();
            case '*' -> anchor(Kind.ALIAS);
            case '&' -> anchor(Kind.ANCHOR);
            case '!' -> tag();
            case '\'' -> flowScalar(true);
            case '"' -> flowScalar(false);
            default -> fetchOther(ch);
        }
    }

    private void fetchOther(char ch) {
        boolean nextBlank = c.isBlankOrEnd(1);
        if (ch == '-' && nextBlank) {
            blockEntry();
        } else if (ch == '?' && (flowLevel > 0 || nextBlank)) {
            key();
        } else if (ch == ':' && (flowLevel > 0 || nextBlank)) {
            value();
        } else if ((ch == '|' || ch == '>') && flowLevel == 0) {
            removeSimpleKey();
            simpleKeyAllowed = true;
            queue.add(scalars.block(ch == '|', indent));
        } else if (canStartPlain(ch)) {
            saveSimpleKey();
            simpleKeyAllowed = false;
            ScalarScanner.Plain plain = scalars.plain(indent, flowLevel);
            queue.add(plain.token());
            if (plain.endedOnNewLine()) {
                simpleKeyAllowed = true;
            }
        } else {
            throw c.error("found character that cannot start any token"
                    + (ch == '\t' ? " (a TAB where YAML needs a space for indentation)" : ""));
        }
    }

    private boolean canStartPlain(char ch) {
        if (c.isBlankOrEnd(0)) {
            return false;
        }
        return switch (ch) {
            case '-' -> !c.isBlank(1);
            case '?', ':' -> flowLevel == 0 && !c.isBlankOrEnd(1);
            case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> false;
            default -> true;
        };
    }

    /** Skips spaces, comments and line breaks; TABs only where a simple key cannot start (or in flow context). */
    private void scanToNextToken() {
        while (true) {
            while (c.ch() == ' ' || ((flowLevel > 0 || !simpleKeyAllowed) && c.ch() == '\t')) {
                c.skip();
            }
            if (c.ch() == '#') {
                while (!c.isBreakOrEnd(0)) {
                    c.skip();
                }
            }
            if (!c.isBreak()) {
                return;
            }
            c.skipLine();
            if (flowLevel == 0) {
                simpleKeyAllowed = true;
            }
        }
    }

    /** A possible simple key that can no longer be one (not on this line, or too far back) is dropped; a required one fails. */
    private void staleSimpleKeys() {
        for (int i = 0; i < simpleKeys.size(); i++) {
            SimpleKey k = simpleKeys.get(i);
            if (k.possible && (k.line < c.line || k.index + 1024 < c.pos)) {
                if (k.required) {
                    throw c.error(k.line, k.column, "could not find expected ':' (while scanning a simple key)");
                }
                k.possible = false;
            }
        }
    }

    private void saveSimpleKey() {
        boolean required = flowLevel == 0 && indent == c.column;
        if (simpleKeyAllowed) {
            removeSimpleKey();
            SimpleKey k = simpleKeys.get(simpleKeys.size() - 1);
            k.possible = true;
            k.required = required;
            k.tokenNumber = tokensTaken + (queue.size() - head);
            k.index = c.pos;
            k.line = c.line;
            k.column = c.column;
        }
    }

    private void removeSimpleKey() {
        SimpleKey k = simpleKeys.get(simpleKeys.size() - 1);
        if (k.possible && k.required) {
            throw c.error(k.line, k.column, "could not find expected ':' (while scanning a simple key)");
        }
        k.possible = false;
    }

    /** Opens a block collection when {@code column} is deeper than the current indentation. */
    private void rollIndent(int column, int tokenNumber, Kind kind, int line, int col) {
        if (flowLevel > 0 || indent >= column) {
            return;
        }
        indents.push(indent);
        indent = column;
        Token t = Token.of(kind, line, col);
        if (tokenNumber < 0) {
            queue.add(t);
        } else {
            queue.add(head + (tokenNumber - tokensTaken), t);
        }
    }

    /** Closes the block collections deeper than {@code column}. */
    private void unrollIndent(int column) {
        if (flowLevel > 0) {
            return;
        }
        while (indent > column) {
            queue.add(Token.of(Kind.BLOCK_END, c.line, c.column));
            indent = indents.pop();
        }
    }

    private void streamEnd() {
        if (c.column != 0) {
            c.column = 0;
            c.line++;
        }
        unrollIndent(-1);
        removeSimpleKey();
        simpleKeyAllowed = false;
        ended = true;
        queue.add(Token.of(Kind.STREAM_END, c.line, c.column));
    }

    private void directive() {
        unrollIndent(-1);
        removeSimpleKey();
        simpleKeyAllowed = false;
        queue.add(new DirectiveScanner(c).scan());
    }

    private void documentIndicator(Kind kind) {
        unrollIndent(-1);
        removeSimpleKey();
        simpleKeyAllowed = false;
        Token t = Token.of(kind, c.line, c.column);
        c.skip();
        c.skip();
        c.skip();
        queue.add(t);
    }

    private void flowCollectionStart(Kind kind) {
        saveSimpleKey();
        SimpleKey k = new SimpleKey();
        simpleKeys.add(k);
        flowLevel++;
        if (flowLevel > 10_000) {
            throw c.error("exceeded max depth of 10000 (while increasing flow level)");
        }
        simpleKeyAllowed = true;
        queue.add(Token.of(kind, c.line, c.column));
        c.skip();
    }

    private void flowCollectionEnd(Kind kind) {
        removeSimpleKey();
        if (flowLevel > 0) {
            flowLevel--;
            simpleKeys.remove(simpleKeys.size() - 1);
        }
        simpleKeyAllowed = false;
        queue.add(Token.of(kind, c.line, c.column));
        c.skip();
    }

    private void flowEntry() {
        removeSimpleKey();
        simpleKeyAllowed = true;
        queue.add(Token.of(Kind.FLOW_ENTRY, c.line, c.column));
        c.skip();
    }

    private void blockEntry() {
        if (flowLevel == 0) {
            if (!simpleKeyAllowed) {
                throw c.error("block sequence entries are not allowed in this context");
            }
            rollIndent(c.column, -1, Kind.BLOCK_SEQUENCE_START, c.line, c.column);
        }
        removeSimpleKey();
        simpleKeyAllowed = true;
        queue.add(Token.of(Kind.BLOCK_ENTRY, c.line, c.column));
        c.skip();
    }

    private void key() {
        if (flowLevel == 0) {
            if (!simpleKeyAllowed) {
                throw c.error("mapping keys are not allowed in this context");
            }
            rollIndent(c.column, -1, Kind.BLOCK_MAPPING_START, c.line, c.column);
        }
        removeSimpleKey();
        simpleKeyAllowed = flowLevel == 0;
        queue.add(Token.of(Kind.KEY, c.line, c.column));
        c.skip();
    }

    private void value() {
        SimpleKey k = simpleKeys.get(simpleKeys.size() - 1);
        if (k.possible) {
            queue.add(head + (k.tokenNumber - tokensTaken), Token.of(Kind.KEY, k.line, k.column));
            rollIndent(k.column, k.tokenNumber, Kind.BLOCK_MAPPING_START, k.line, k.column);
            k.possible = false;
            simpleKeyAllowed = false;   // a simple key cannot follow another simple key: TABs after "key:" are spaces
        } else {
            if (flowLevel == 0) {
                if (!simpleKeyAllowed) {
                    throw c.error("mapping values are not allowed in this context");
                }
                rollIndent(c.column, -1, Kind.BLOCK_MAPPING_START, c.line, c.column);
            }
            simpleKeyAllowed = flowLevel == 0;
        }
        queue.add(Token.of(Kind.VALUE, c.line, c.column));
        c.skip();
    }

    private void anchor(Kind kind) {
        saveSimpleKey();
        simpleKeyAllowed = false;
        int line = c.line;
        int column = c.column;
        c.skip();
        StringBuilder name = new StringBuilder();
        while (isAlpha(c.ch())) {
            c.read(name);
        }
        char ch = c.ch();
        if (name.isEmpty() || !(c.isBlankOrEnd(0) || ch == '?' || ch == ':' || ch == ',' || ch == ']' || ch == '}'
                || ch == '%' || ch == '@' || ch == '`')) {
            throw c.error(line, column, "did not find expected alphabetic or numeric character (while scanning an "
                    + (kind == Kind.ANCHOR ? "anchor" : "alias") + ")");
        }
        queue.add(new Token(kind, line, column, name.toString(), null, null));
    }

    private void tag() {
        saveSimpleKey();
        simpleKeyAllowed = false;
        queue.add(new DirectiveScanner(c).tag());
    }

    private void flowScalar(boolean single) {
        saveSimpleKey();
        simpleKeyAllowed = false;
        queue.add(scalars.quoted(single));
    }

    /** go-yaml's "alpha": ASCII letters, digits, '_' and '-'. */
    static boolean isAlpha(char ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '_' || ch == '-';
    }

    /** A growable stack of ints (the enclosing indentation levels). */
    private static final class IntStack {
        private int[] items = new int[16];
        private int size;

        void push(int v) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
            if (size > 10_000) {
                throw new YamlSyntaxException(0, 0, "exceeded max depth of 10000 (while increasing indent level)");
            }
        }

        int pop() {
            return items[--size];
        }
    }
}
