package io.sluice.image.policy;

import io.sluice.api.image.ImagePolicyChoice;
import io.sluice.api.image.OrderPolicy;
import io.sluice.api.semver.SemanticVersion;
import io.sluice.api.semver.SemverRange;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How an ImagePolicy picks the latest of its candidate tags ({@code spec.policy}): exactly one of semver,
 * alphabetical and numerical, as in Flux. Each looks at a candidate's {@link Candidate#value()} (the tag, or what
 * {@code filterTags.extract} made of it).
 */
public sealed interface TagPolicy {

    /** A tag and the value the policy compares (the tag itself without {@code extract}). */
    record Candidate(String tag, String value) {
    }

    /** Whether {@code a} ranks above {@code b}; false for a candidate the policy cannot use (not a version). */
    boolean better(Candidate a, Candidate b) throws PolicyException;

    /** Whether the policy can use the candidate at all (a semver policy only versions within its range). */
    boolean accepts(Candidate candidate) throws PolicyException;

    /** For messages: {@code semver range '>=1.0.0'}, {@code alphabetical (asc)}. */
    String describe();

    /** Highest version within the range ({@link SemverRange}, shared with source-service). */
    record Semver(SemverRange range) implements TagPolicy {
        @Override
        public boolean accepts(Candidate candidate) {
            return SemanticVersion.parseTag(candidate.value()).map(range::matches).orElse(false);
        }

        @Override
        public boolean better(Candidate a, Candidate b) {
            return SemanticVersion.parseTag(a.value()).orElseThrow().compareTo(SemanticVersion.parseTag(b.value()).orElseThrow()) > 0;
        }

        @Override
        public String describe() {
            return "semver range '" + range + "'";
        }
    }

    /** Last in byte order ({@code asc}, the default) or first ({@code desc}). */
    record Alphabetical(boolean ascending) implements TagPolicy {
        @Override
        public boolean accepts(Candidate candidate) {
            return true;
        }

        @Override
        public boolean better(Candidate a, Candidate b) {
            int c = a.value().compareTo(b.value());
            return ascending ? c > 0 : c < 0;
        }

        @Override
        public String describe() {
            return "alphabetical (" + (ascending ? "asc" : "desc") + ")";
        }
    }

    /** Largest number ({@code asc}, the default) or smallest ({@code desc}); a value that is not a number is an error, as in Flux. */
    record Numerical(boolean ascending) implements TagPolicy {
        @Override
        public boolean accepts(Candidate candidate) throws PolicyException {
            number(candidate);
            return true;
        }

        @Override
        public boolean better(Candidate a, Candidate b) throws PolicyException {
            int c = number(a).compareTo(number(b));
            return ascending ? c > 0 : c < 0;
        }

        @Override
        public String describe() {
            return "numerical (" + (ascending ? "asc" : "desc") + ")";
        }

        private static BigDecimal number(Candidate candidate) throws PolicyException {
            try {
                return new BigDecimal(candidate.value().trim());
            } catch (NumberFormatException e) {
                throw new PolicyException("failed to parse invalid numeric value '" + candidate.value() + "' (tag '" + candidate.tag()
                        + "'); a numerical policy needs every candidate to be a number: narrow the tags with filterTags.pattern");
            }
        }
    }

    /**
     * Reads {@code spec.policy}.
     *
     * @throws IllegalArgumentException when it sets none or several, or an invalid range or order
     */
    static TagPolicy from(ImagePolicyChoice choice) {
        int set = choice == null ? 0 : (choice.getSemver() != null ? 1 : 0) + (choice.getAlphabetical() != null ? 1 : 0)
                + (choice.getNumerical() != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("spec.policy must set exactly one of semver, alphabetical and numerical, it sets " + set);
        }
        if (choice.getSemver() != null) {
            try {
                return new Semver(SemverRange.parse(choice.getSemver().getRange()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("spec.policy.semver.range: " + e.getMessage());
            }
        }
        if (choice.getAlphabetical() != null) {
            return new Alphabetical(ascending(choice.getAlphabetical(), "alphabetical"));
        }
        return new Numerical(ascending(choice.getNumerical(), "numerical"));
    }

    private static boolean ascending(OrderPolicy order, String field) {
        String value = Optional.ofNullable(order.getOrder()).orElse("asc");
        return switch (value) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new IllegalArgumentException("spec.policy." + field + ".order is '" + value + "'; it must be asc or desc");
        };
    }
}
