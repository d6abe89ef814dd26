package io.sluice.api.semver;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0) read from a Git tag or an image tag, ordered by semver precedence (build
 * metadata ignored).
 *
 * <p>Tags are read as Flux reads them (fluxcd/pkg/version, used by source-controller and image-reflector-controller alike): strict semver with an optional leading {@code v}, so {@code v1.2.3}
 * and {@code 1.2.3-rc.1} are versions, {@code 1.2}, {@code release-1.2.3} and {@code v01.2.3} are not.
 *
 * @param original the text it was parsed from, e.g. the tag name {@code v1.2.3}
 */
public record SemanticVersion(long major, long minor, long patch, List<String> prerelease, String build, String original)
        implements Comparable<SemanticVersion> {

    private static final String NUMBER = "0|[1-9]\\d*";
    private static final String PRE_ID = "0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*";
    private static final String BUILD_ID = "[0-9a-zA-Z-]+";
    private static final Pattern STRICT = Pattern.compile(
            "v?(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")"
                    + "(?:-((?:" + PRE_ID + ")(?:\\.(?:" + PRE_ID + "))*))?"
                    + "(?:\\+(" + BUILD_ID + "(?:\\." + BUILD_ID + ")*))?");

    public SemanticVersion {
        prerelease = prerelease == null ? List.of() : List.copyOf(prerelease);
        build = build == null ? "" : build;
    }

    /** Reads a Git or image tag as Flux does; empty when the tag is not a semantic version. */
    public static Optional<SemanticVersion> parseTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        Matcher m = STRICT.matcher(tag);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SemanticVersion(
                    Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    m.group(4) == null ? List.of() : List.of(m.group(4).split("\\.")),
                    m.group(5), tag));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, other.patch);
        }
        return c != 0 ? c : comparePrerelease(prerelease, other.prerelease);
    }

    /** Same precedence (build metadata does not count). */
    public boolean samePrecedence(SemanticVersion other) {
        return compareTo(other) == 0;
    }

    /** semver.org §11: a version without prerelease ranks above one with; identifiers compare left to right. */
    static int comparePrerelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareIdentifier(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean aNumeric = a.chars().allMatch(Character::isDigit);
        boolean bNumeric = b.chars().allMatch(Character::isDigit);
        if (aNumeric && bNumeric) {
            // Compare as numbers without overflow: longer digit strings (no leading zeros) are larger.
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1; // numeric identifiers rank below alphanumeric ones
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return original;
    }
}
