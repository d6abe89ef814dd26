package io.sluice.kustomize.yaml;

import io.sluice.kustomize.yaml.Token.Kind;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Scans the parts of YAML that name things rather than hold data: {@code %YAML} and {@code %TAG} directives and
 * node tags ({@code !!str}, {@code !local}, {@code !<verbatim>}, {@code !handle!suffix}), with go-yaml's rules
 * for which characters they may contain.
 */
final class DirectiveScanner {
    private final YamlCursor c;

    DirectiveScanner(YamlCursor cursor) {
        this.c = cursor;
    }

    /** A directive line, the cursor on its '%'. */
    Token scan() {
        int line = c.line;
        int column = c.column;
        c.skip();
        StringBuilder name = new StringBuilder();
        while (YamlScanner.isAlpha(c.ch())) {
            c.read(name);
        }
        if (name.isEmpty()) {
            throw c.error(line, column, "could not find expected directive name (while scanning a directive)");
        }
        if (!c.isBlankOrEnd(0)) {
            throw c.error(line, column, "found unexpected non-alphabetical character (while scanning a directive)");
        }
        Token token;
        if (name.toString().equals("YAML")) {
            skipBlanks();
            int major = versionNumber(line, column);
            if (c.ch() != '.') {
                throw c.error(line, column, "did not find expected digit or '.' character (while scanning a %YAML directive)");
            }
            c.skip();
            int minor = versionNumber(line, column);
            token = new Token(Kind.VERSION_DIRECTIVE, line, column, major + "." + minor, null, null);
        } else if (name.toString().equals("TAG")) {
            skipBlanks();
            String handle = handle(true, line, column);
            if (!c.isBlank()) {
                throw c.error(line, column, "did not find expected whitespace (while scanning a %TAG directive)");
            }
            skipBlanks();
            String prefix = uri(true, "", line, column);
            if (!c.isBlankOrEnd(0)) {
                throw c.error(line, column, "did not find expected whitespace or line break (while scanning a %TAG directive)");
            }
            token = new Token(Kind.TAG_DIRECTIVE, line, column, handle, prefix, null);
        } else {
            throw c.error(line, column, "found unknown directive name (while scanning a directive)");
        }
        skipBlanks();
        if (c.ch() == '#') {
            while (!c.isBreakOrEnd(0)) {
                c.skip();
            }
        }
        if (!c.isBreakOrEnd(0)) {
            throw c.error(line, column, "did not find expected comment or line break (while scanning a directive)");
        }
        c.skipLine();
        return token;
    }

    private void skipBlanks() {
        while (c.isBlank()) {
            c.skip();
        }
    }

    private int versionNumber(int line, int column) {
        int value = 0;
        int length = 0;
        while (c.ch() >= '0' && c.ch() <= '9') {
            if (++length > 2) {
                throw c.error(line, column, "found extremely long version number (while scanning a %YAML directive)");
            }
            value = value * 10 + (c.ch() - '0');
            c.skip();
        }
        if (length == 0) {
            throw c.error(line, column, "did not find expected version number (while scanning a %YAML directive)");
        }
        return value;
    }

    /** A node tag, the cursor on its '!': value = handle ("" for verbatim and "!x" forms), suffix = the rest. */
    Token tag() {
        int line = c.line;
        int column = c.column;
        String handle;
        String suffix;
        if (c.ch(1) == '<') {
            c.skip();
            c.skip();
            suffix = uri(false, "", line, column);
            if (c.ch() != '>') {
                throw c.error(line, column, "did not find the expected '>' (while scanning a tag)");
            }
            c.skip();
            handle = "";
        } else {
            String h = handle(false, line, column);
            if (h.length() > 1 && h.endsWith("!")) {
                handle = h;
                suffix = uri(false, "", line, column);
            } else {
                suffix = uri(false, h, line, column);
                handle = "!";
                if (suffix.isEmpty()) {
                    suffix = handle;
                    handle = "";
                }
            }
        }
        if (!c.isBlankOrEnd(0)) {
            throw c.error(line, column, "did not find expected whitespace or line break (while scanning a tag)");
        }
        return new Token(Kind.TAG, line, column, handle, suffix, null);
    }

    private String handle(boolean directive, int line, int column) {
        if (c.ch() != '!') {
            throw c.error(line, column, "did not find expected '!' (while scanning a " + (directive ? "%TAG directive" : "tag") + ")");
        }
        StringBuilder s = new StringBuilder();
        c.read(s);
        while (YamlScanner.isAlpha(c.ch())) {
            c.read(s);
        }
        if (c.ch() == '!') {
            c.read(s);
        } else if (directive && !s.toString().equals("!")) {
            throw c.error(line, column, "did not find expected '!' (while parsing a %TAG directive)");
        }
        return s.toString();
    }

    /** Tag URI characters, %-escapes decoded as UTF-8; {@code head} is a handle read before that is part of it. */
    private String uri(boolean directive, String head, int line, int column) {
        StringBuilder s = new StringBuilder(head.length() > 1 ? head.substring(1) : "");
        boolean hasTag = !head.isEmpty();
        while (isUriChar(c.ch())) {
            if (c.ch() == '%') {
                s.append(escapes(directive, line, column));
            } else {
                c.read(s);
            }
            hasTag = true;
        }
        if (!hasTag) {
            throw c.error(line, column, "did not find expected tag URI (while parsing a " + (directive ? "%TAG directive" : "tag") + ")");
        }
        return s.toString();
    }

    private static boolean isUriChar(char ch) {
        return YamlScanner.isAlpha(ch) || ";/?:@&=+$,.!~*'()[]%".indexOf(ch) >= 0;
    }

    private String escapes(boolean directive, int line, int column) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int width = -1;
        while (width != 0) {
            int hi = Character.digit(c.ch(1), 16);
            int lo = Character.digit(c.ch(2), 16);
            if (c.ch() != '%' || hi < 0 || lo < 0 || c.ch(1) > 'f' || c.ch(2) > 'f') {
                throw c.error(line, column, "did not find URI escaped octet (while parsing a " + (directive ? "%TAG directive" : "tag") + ")");
            }
            int octet = (hi << 4) + lo;
            if (width < 0) {
                width = (octet & 0x80) == 0 ? 1 : (octet & 0xE0) == 0xC0 ? 2 : (octet & 0xF0) == 0xE0 ? 3 : (octet & 0xF8) == 0xF0 ? 4 : 0;
                if (width == 0) {
                    throw c.error(line, column, "found an incorrect leading UTF-8 octet (while parsing a tag)");
                }
            } else if ((octet & 0xC0) != 0x80) {
                throw c.error(line, column, "found an incorrect trailing UTF-8 octet (while parsing a tag)");
            }
            bytes.write(octet);
            c.skip();
            c.skip();
            c.skip();
            width--;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
