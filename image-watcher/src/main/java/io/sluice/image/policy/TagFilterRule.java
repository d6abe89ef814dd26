package io.sluice.image.policy;

import io.sluice.api.image.TagFilter;
import io.sluice.image.scan.GoRegex;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code spec.filterTags}: keep the tags {@code pattern} matches (anywhere in the tag, as Go's {@code MatchString}),
 * and compare what {@code extract} makes of each instead of the tag: a Go {@code Regexp.Expand} template where
 * {@code $name}, {@code ${name}} and {@code $1} stand for capture groups, e.g. pattern
 * {@code ^main-[a-f0-9]+-(?P<ts>[0-9]+)} and extract {@code $ts}.
 */
public record TagFilterRule(Pattern pattern, String extract) {

    /** Every tag, compared as it is. */
    public static final TagFilterRule ALL = new TagFilterRule(null, null);

    /** @throws IllegalArgumentException for a pattern that is not a regular expression */
    public static TagFilterRule from(TagFilter filter) {
        if (filter == null || (blank(filter.getPattern()) && blank(filter.getExtract()))) {
            return ALL;
        }
        Pattern pattern = GoRegex.compile(blank(filter.getPattern()) ? "" : filter.getPattern(), "spec.filterTags.pattern");
        return new TagFilterRule(pattern, blank(filter.getExtract()) ? null : filter.getExtract());
    }

    /** The candidate for {@code tag}, or empty when the pattern does not match it. */
    public Optional<TagPolicy.Candidate> apply(String tag) {
        if (pattern == null) {
            return Optional.of(new TagPolicy.Candidate(tag, tag));
        }
        Matcher m = pattern.matcher(tag);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new TagPolicy.Candidate(tag, extract == null ? tag : expand(m, extract)));
    }

    /** Go's Regexp.Expand: {@code $$} is a dollar; an unknown group name expands to nothing. */
    static String expand(Matcher m, String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int end;
            if (template.charAt(i + 1) == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 2, close);
                end = close + 1;
            } else {
                end = i + 1;
                while (end < template.length() && (Character.isLetterOrDigit(template.charAt(end)) || template.charAt(end) == '_')) {
                    end++;
                }
                name = template.substring(i + 1, end);
            }
            if (name.isEmpty()) {
                out.append(c);
                i++;
                continue;
            }
            out.append(group(m, name));
            i = end;
        }
        return out.toString();
    }

    private static String group(Matcher m, String name) {
        try {
            String value = name.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(name)) : m.group(name);
            return value == null ? "" : value;
        } catch (IllegalArgumentException | IndexOutOfBoundsException unknown) {
            return "";
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
