package io.sluice.api.semver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semver range as Flux reads it, in a GitRepository's {@code spec.ref.semver} (source-service picks a Git tag) and
 * an ImagePolicy's {@code spec.policy.semver.range} (image-watcher picks an image tag): the constraint syntax of
 * Masterminds/semver v3, which both Flux controllers use.
 *
 * <ul>
 *   <li>{@code ||} separates alternatives; inside one, constraints separated by spaces or commas must all hold:
 *       {@code >=1.0.0 <2.0.0}, {@code >= 1.2, < 3}.</li>
 *   <li>Operators {@code = != > < >= => <= =< ~ ~> ^}; no operator means {@code =}.</li>
 *   <li>Missing parts and {@code x}, {@code X}, {@code *} are wildcards: {@code 1.x} and {@code =1} are
 *       {@code >=1.0.0 <2.0.0}, {@code *} is any release, {@code >1.2} is {@code >=1.3.0}.</li>
 *   <li>{@code ~1.2.3} is {@code >=1.2.3 <1.3.0}; {@code ^1.2} is {@code >=1.2.0 <2.0.0}, {@code ^0.2.3} is
 *       {@code >=0.2.3 <0.3.0}, {@code ^0.0.3} is {@code >=0.0.3 <0.0.4}.</li>
 *   <li>{@code 1.2 - 1.4.5} is {@code >=1.2 <=1.4.5}.</li>
 *   <li>Prereleases: each constraint without a prerelease rejects every prerelease version, so
 *       {@code >=1.0.0} never picks {@code 1.1.0-rc.1}; {@code >1.0.0-0} does (and so must every other
 *       constraint in the same alternative, e.g. {@code >=1.0.0-0 <2.0.0-0}).</li>
 * </ul>
 */
public final class SemverRange {

    private static final String PART = "[0-9xX*]+";
    private static final String IDS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
    private static final String VERSION = "v?(" + PART + ")(?:\\.(" + PART + "))?(?:\\.(" + PART + "))?(?:-(" + IDS + "))?(?:\\+(" + IDS + "))?";
    private static final Pattern CONSTRAINT = Pattern.compile("(>=|=>|<=|=<|!=|~>|>|<|=|~|\\^)?\\s*" + VERSION);
    private static final String PLAIN_VERSION = "v?" + PART + "(?:\\." + PART + ")?(?:\\." + PART + ")?(?:-" + IDS + ")?(?:\\+" + IDS + ")?";
    private static final Pattern HYPHEN_RANGE = Pattern.compile("(" + PLAIN_VERSION + ")\\s+-\\s+(" + PLAIN_VERSION + ")");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private enum Operator { EQUAL, NOT_EQUAL, GREATER, LESS, GREATER_EQUAL, LESS_EQUAL, TILDE, CARET }

    /** One constraint; {@code version} has wildcards replaced by 0 and the flags say which parts were wild. */
    private record Constraint(Operator operator, SemanticVersion version, boolean dirty, boolean minorDirty, boolean patchDirty) {
    }

    private final String text;
    private final List<List<Constraint>> alternatives;

    private SemverRange(String text, List<List<Constraint>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /**
     * Parses a range.
     *
     * @throws IllegalArgumentException with a message naming the part that could not be read
     */
    public static SemverRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("semver range is empty; write e.g. '>=1.0.0 <2.0.0' or '^1.2'");
        }
        String rewritten = HYPHEN_RANGE.matcher(text).replaceAll(">=$1 <=$2");
        List<List<Constraint>> alternatives = new ArrayList<>();
        for (String alternative : rewritten.split("\\|\\|", -1)) {
            alternatives.add(parseAlternative(text, alternative));
        }
        return new SemverRange(text, List.copyOf(alternatives));
    }

    /** True when {@code version} satisfies every constraint of at least one alternative. */
    public boolean matches(SemanticVersion version) {
        for (List<Constraint> alternative : alternatives) {
            if (alternative.stream().allMatch(c -> check(version, c))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    private static List<Constraint> parseAlternative(String whole, String alternative) {
        List<Constraint> constraints = new ArrayList<>();
        Matcher m = CONSTRAINT.matcher(alternative);
        int position = 0;
        int length = alternative.length();
        while (true) {
            int start = position;
            while (position < length && Character.isWhitespace(alternative.charAt(position))) {
                position++;
            }
            if (!constraints.isEmpty() && position < length && alternative.charAt(position) == ',') {
                position++;
                while (position < length && Character.isWhitespace(alternative.charAt(position))) {
                    position++;
                }
            } else if (!constraints.isEmpty() && position < length && position == start) {
                throw invalid(whole, alternative.substring(position).trim());
            }
            if (position >= length) {
                break;
            }
            m.region(position, length);
            if (!m.lookingAt()) {
                throw invalid(whole, alternative.substring(position).trim());
            }
            constraints.add(constraint(whole, m));
            position = m.end();
        }
        if (constraints.isEmpty()) {
            throw invalid(whole, alternative.trim());
        }
        return List.copyOf(constraints);
    }

    private static Constraint constraint(String whole, Matcher m) {
        Operator operator = switch (m.group(1) == null ? "" : m.group(1)) {
            case "", "=" -> Operator.EQUAL;
            case "!=" -> Operator.NOT_EQUAL;
            case ">" -> Operator.GREATER;
            case "<" -> Operator.LESS;
            case ">=", "=>" -> Operator.GREATER_EQUAL;
            case "<=", "=<" -> Operator.LESS_EQUAL;
            case "~", "~>" -> Operator.TILDE;
            case "^" -> Operator.CARET;
            default -> throw invalid(whole, m.group());
        };
        String major = m.group(2);
        String minor = m.group(3);
        String patch = m.group(4);
        List<String> prerelease = m.group(5) == null ? List.of() : List.of(m.group(5).split("\\."));
        for (String part : new String[] {major, minor, patch}) {
            if (part != null && !isWildcard(part) && !NUMBER.matcher(part).matches()) {
                throw invalid(whole, m.group());
            }
        }
        boolean dirty = false;
        boolean minorDirty = false;
        boolean patchDirty = false;
        long[] numbers;
        if (isWildcard(major)) {
            dirty = true;
            numbers = new long[] {0, 0, 0};
        } else if (minor == null || isWildcard(minor)) {
            dirty = minorDirty = true;
            numbers = new long[] {number(whole, major), 0, 0};
        } else if (patch == null || isWildcard(patch)) {
            dirty = patchDirty = true;
            numbers = new long[] {number(whole, major), number(whole, minor), 0};
        } else {
            numbers = new long[] {number(whole, major), number(whole, minor), number(whole, patch)};
        }
        SemanticVersion version = new SemanticVersion(numbers[0], numbers[1], numbers[2], prerelease, m.group(6), m.group());
        return new Constraint(operator, version, dirty, minorDirty, patchDirty);
    }

    private static boolean check(SemanticVersion v, Constraint c) {
        // Masterminds: a constraint without a prerelease never admits a prerelease version.
        // (Except a plain '!=1.2.3', which Masterminds checks by equality alone.)
        boolean plainNotEqual = c.operator() == Operator.NOT_EQUAL && !c.dirty();
        if (v.isPrerelease() && !c.version().isPrerelease() && !plainNotEqual) {
            return false;
        }
        SemanticVersion con = c.version();
        return switch (c.operator()) {
            case EQUAL -> c.dirty() ? tilde(v, c) : v.compareTo(con) == 0;
            case NOT_EQUAL -> notEqual(v, c);
            case GREATER -> greater(v, c);
            case LESS -> v.compareTo(con) < 0;
            case GREATER_EQUAL -> v.compareTo(con) >= 0;
            case LESS_EQUAL -> lessOrEqual(v, c);
            case TILDE -> tilde(v, c);
            case CARET -> caret(v, c);
        };
    }

    private static boolean notEqual(SemanticVersion v, Constraint c) {
        SemanticVersion con = c.version();
        if (c.dirty()) {
            if (con.major() != v.major()) {
                return true;
            }
            if (c.minorDirty()) {
                return false;
            }
            if (con.minor() != v.minor()) {
                return true;
            }
            if (c.patchDirty()) {
                return (v.isPrerelease() || con.isPrerelease())
                        && SemanticVersion.comparePrerelease(v.prerelease(), con.prerelease()) != 0;
            }
        }
        return v.compareTo(con) != 0;
    }

    private static boolean greater(SemanticVersion v, Constraint c) {
        SemanticVersion con = c.version();
        if (!c.dirty()) {
            return v.compareTo(con) > 0;
        }
        if (v.major() != con.major()) {
            return v.major() > con.major();
        }
        if (c.minorDirty()) {
            return false; // >1 needs 2.0.0 or higher
        }
        if (c.patchDirty()) {
            return v.minor() > con.minor(); // >1.2 needs 1.3.0 or higher
        }
        return v.compareTo(con) > 0;
    }

    private static boolean lessOrEqual(SemanticVersion v, Constraint c) {
        SemanticVersion con = c.version();
        if (!c.dirty()) {
            return v.compareTo(con) <= 0;
        }
        if (v.major() > con.major()) {
            return false;
        }
        return !(v.major() == con.major() && v.minor() > con.minor() && !c.minorDirty());
    }

    private static boolean tilde(SemanticVersion v, Constraint c) {
        SemanticVersion con = c.version();
        if (v.compareTo(con) < 0) {
            return false;
        }
        if (con.major() == 0 && con.minor() == 0 && con.patch() == 0 && !c.minorDirty() && !c.patchDirty()) {
            return true; // ~0.0.0 and * accept everything
        }
        if (v.major() != con.major()) {
            return false;
        }
        return v.minor() == con.minor() || c.minorDirty();
    }

    private static boolean caret(SemanticVersion v, Constraint c) {
        SemanticVersion con = c.version();
        if (v.compareTo(con) < 0) {
            return false;
        }
        if (con.major() > 0 || c.minorDirty()) {
            return v.major() == con.major();
        }
        if (v.major() > 0) {
            return false;
        }
        if (con.minor() > 0 || c.patchDirty()) {
            return v.minor() == con.minor();
        }
        if (v.minor() > 0) {
            return false;
        }
        return v.patch() == con.patch();
    }

    private static boolean isWildcard(String part) {
        return "x".equals(part) || "X".equals(part) || "*".equals(part);
    }

    private static long number(String whole, String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw invalid(whole, digits);
        }
    }

    private static IllegalArgumentException invalid(String whole, String part) {
        return new IllegalArgumentException("semver range '" + whole + "' cannot be read at '" + part
                + "'; write constraints like '>=1.0.0 <2.0.0', '^1.2', '~1.2.3', '1.x' or '*'");
    }
}
