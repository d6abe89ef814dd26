package io.sluice.kustomize.yaml;

/** libyaml's scalar analysis: which styles can represent a string. */
final class Analysis {
    boolean multiline;
    boolean flowPlainAllowed;
    boolean blockPlainAllowed;
    boolean singleQuotedAllowed;
    boolean blockAllowed;

    static boolean isBreak(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    static boolean isPrintable(int c) {
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    static Analysis of(String text) {
        Analysis a = new Analysis();
        int[] v = text.codePoints().toArray();
        if (v.length == 0) {
            a.multiline = false;
            a.flowPlainAllowed = false;
            a.blockPlainAllowed = true;
            a.singleQuotedAllowed = true;
            a.blockAllowed = false;
            return a;
        }
        boolean blockIndicators = false;
        boolean flowIndicators = false;
        boolean lineBreaks = false;
        boolean specialCharacters = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean previousSpace = false;
        boolean previousBreak = false;
        if (text.startsWith("---") || text.startsWith("...")) {
            blockIndicators = true;
            flowIndicators = true;
        }
        boolean precededByWhitespace = true;
        for (int i = 0; i < v.length; i++) {
            int c = v[i];
            boolean followedByWhitespace = i + 1 >= v.length || isBlank(v[i + 1]);
            if (i == 0) {
                switch (c) {
                    case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
                        flowIndicators = true;
                        blockIndicators = true;
                    }
                    case '?', ':' -> {
                        flowIndicators = true;
                        if (followedByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    case '-' -> {
                        if (followedByWhitespace) {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                    }
                    default -> {
                    }
                }
            } else {
                switch (c) {
                    case ',', '?', '[', ']', '{', '}' -> flowIndicators = true;
                    case ':' -> {
                        flowIndicators = true;
                        if (followedByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    case '#' -> {
                        if (precededByWhitespace) {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (!isPrintable(c)) {
                specialCharacters = true;
            }
            if (c == ' ') {
                if (i == 0) {
                    leadingSpace = true;
                }
                if (i == v.length - 1) {
                    trailingSpace = true;
                }
                if (previousBreak) {
                    breakSpace = true;
                }
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                lineBreaks = true;
                if (i == 0) {
                    leadingBreak = true;
                }
                if (i == v.length - 1) {
                    trailingBreak = true;
                }
                if (previousSpace) {
                    spaceBreak = true;
                }
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlank(c) || isBreak(c) || c == 0;
        }
        a.multiline = lineBreaks;
        a.flowPlainAllowed = true;
        a.blockPlainAllowed = true;
        a.singleQuotedAllowed = true;
        a.blockAllowed = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            a.flowPlainAllowed = false;
            a.blockPlainAllowed = false;
        }
        if (trailingSpace) {
            a.blockAllowed = false;
        }
        if (breakSpace) {
            a.flowPlainAllowed = false;
            a.blockPlainAllowed = false;
            a.singleQuotedAllowed = false;
        }
        if (spaceBreak || specialCharacters) {
            a.flowPlainAllowed = false;
            a.blockPlainAllowed = false;
            a.singleQuotedAllowed = false;
            a.blockAllowed = false;
        }
        if (lineBreaks) {
            a.flowPlainAllowed = false;
            a.blockPlainAllowed = false;
        }
        if (flowIndicators) {
            a.flowPlainAllowed = false;
        }
        if (blockIndicators) {
            a.blockPlainAllowed = false;
        }
        return a;
    }
}
