package io.sluice.sandbox.cluster.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final String KEY = "([A-Za-z0-9][-A-Za-z0-9_./]*)";
    private static final String VALUE = "([-A-Za-z0-9_.]*)";
    private static final Pattern SET = Pattern.compile(KEY + "\\s+(in|notin)\\s*\\(([^)]*)\\)");
    private static final Pattern EQUALITY = Pattern.compile(KEY + "\\s*(==|=|!=)\\s*" + VALUE);
    private static final Pattern EXISTS = Pattern.compile("(!?)\\s*" + KEY);

    /**
     * @throws ApiException 400 naming the requirement that cannot be parsed
     */
    static LabelSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String part : splitTopLevel(selector)) {
            requirements.add(requirement(part.trim(), selector));
        }
        return new LabelSelector(List.copyOf(requirements));
    }

    boolean matches(Map<String, String> labels) {
        return requirements.stream().allMatch(r -> r.matches(labels));
    }

    private static Requirement requirement(String text, String selector) {
        Matcher m = SET.matcher(text);
        if (m.matches()) {
            Set<String> values = Set.copyOf(List.of(m.group(3).split("\\s*,\\s*")).stream().map(String::trim)
                    .filter(v -> !v.isEmpty()).toList());
            return m.group(2).equals("in") ? new In(m.group(1), values) : new NotIn(m.group(1), values);
        }
        m = EQUALITY.matcher(text);
        if (m.matches()) {
            return m.group(2).equals("!=") ? new NotEquals(m.group(1), m.group(3)) : new Equals(m.group(1), m.group(3));
        }
        m = EXISTS.matcher(text);
        if (m.matches()) {
            return m.group(1).isEmpty() ? new Exists(m.group(2)) : new DoesNotExist(m.group(2));
        }
        throw ApiException.badRequest("unable to parse requirement \"" + text + "\" in labelSelector \"" + selector
                + "\": use key=value, key!=value, key in (a,b), key notin (a,b), key or !key");
    }

    /** Splits on the commas that separate requirements, not those inside {@code in (a,b)}. */
    private static List<String> splitTopLevel(String selector) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(selector.substring(start));
        return parts;
    }
}
