package io.sluice.image.scan;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Flux's regular expressions (Go's RE2 syntax) in Java: the same for everything Flux users write in
 * {@code exclusionList} and {@code filterTags.pattern}, except that Go names a group {@code (?P<name>…)} where Java
 * writes {@code (?<name>…)}; both spellings are accepted.
 */
public final class GoRegex {

    private GoRegex() {
    }

    /** @throws IllegalArgumentException naming the field and the problem */
    public static Pattern compile(String expression, String field) {
        try {
            return Pattern.compile(expression.replace("(?P<", "(?<"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(field + " '" + expression + "' is not a valid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at position " + e.getIndex() : ""));
        }
    }
}
