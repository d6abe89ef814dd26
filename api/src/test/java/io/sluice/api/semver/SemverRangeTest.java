package io.sluice.api.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases follow the behaviour documented for Masterminds/semver v3 constraints, which Flux uses. */
class SemverRangeTest {

    @ParameterizedTest(name = "''{0}'' matches {1}: {2}")
    @CsvSource(delimiterString = " | ", value = {
            // comparison operators, AND by space or comma
            ">=1.0.0 <2.0.0 | 1.0.0       | true",
            ">=1.0.0 <2.0.0 | 1.9.9       | true",
            ">=1.0.0 <2.0.0 | 2.0.0       | false",
            ">=1.0.0 <2.0.0 | 0.9.0       | false",
            ">= 1.2, < 3.0.0 | 2.5.0      | true",
            ">1.0.0         | 1.0.0       | false",
            ">1.0.0         | 1.0.1       | true",
            "=>1.2.3        | 1.2.3       | true",
            "=<1.2.3        | 1.2.3       | true",
            "<=1.2.3        | 1.2.4       | false",
            "!=1.2.3        | 1.2.3       | false",
            "!=1.2.3        | 1.2.4       | true",
            "1.2.3          | 1.2.3       | true",
            "=1.2.3         | 1.2.4       | false",
            "v1.2.3         | 1.2.3       | true",
            // OR
            "<1.0.0 || >=3.0.0 | 0.5.0    | true",
            "<1.0.0 || >=3.0.0 | 2.0.0    | false",
            "<1.0.0 || >=3.0.0 | 3.1.0    | true",
            // wildcards and missing parts
            "*              | 0.0.1       | true",
            "*              | 99.1.0      | true",
            "x              | 1.0.0       | true",
            "1.x            | 1.9.0       | true",
            "1.x            | 2.0.0       | false",
            "1.2.x          | 1.2.9       | true",
            "1.2.x          | 1.3.0       | false",
            "1              | 1.5.0       | true",
            "1.2            | 1.2.7       | true",
            "1.2            | 1.3.0       | false",
            ">1.2           | 1.2.9       | false",
            ">1.2           | 1.3.0       | true",
            ">1             | 1.9.0       | false",
            ">1             | 2.0.0       | true",
            "<=1.2          | 1.2.9       | true",
            "<=1.2          | 1.3.0       | false",
            "<1.2           | 1.1.9       | true",
            "<1.2           | 1.2.0       | false",
            "!=1.2.x        | 1.2.5       | false",
            "!=1.2.x        | 1.3.0       | true",
            "!=1.x          | 1.9.0       | false",
            // tilde
            "~1.2.3         | 1.2.3       | true",
            "~1.2.3         | 1.2.9       | true",
            "~1.2.3         | 1.3.0       | false",
            "~1.2.3         | 1.2.2       | false",
            "~1.2           | 1.2.0       | true",
            "~1.2           | 1.3.0       | false",
            "~1             | 1.9.0       | true",
            "~1             | 2.0.0       | false",
            "~>1.2          | 1.2.5       | true",
            "~0.0.0         | 5.0.0       | true",
            // caret
            "^1.2.3         | 1.2.3       | true",
            "^1.2.3         | 1.9.0       | true",
            "^1.2.3         | 2.0.0       | false",
            "^1.2.3         | 1.2.2       | false",
            "^1.2           | 1.2.0       | true",
            "^1             | 1.99.0      | true",
            "^0.2.3         | 0.2.9       | true",
            "^0.2.3         | 0.3.0       | false",
            "^0.0.3         | 0.0.3       | true",
            "^0.0.3         | 0.0.4       | false",
            "^0.0           | 0.0.9       | true",
            "^0.0           | 0.1.0       | false",
            "^0             | 0.9.0       | true",
            "^0             | 1.0.0       | false",
            // hyphen ranges
            "1.2 - 1.4.5    | 1.2.0       | true",
            "1.2 - 1.4.5    | 1.4.5       | true",
            "1.2 - 1.4.5    | 1.4.6       | false",
            "1.2 - 1.4.5    | 1.1.9       | false",
            // prereleases: only constraints that carry one admit them
            ">=1.0.0        | 1.1.0-rc.1  | false",
            "*              | 1.0.0-alpha | false",
            "^1.2           | 1.3.0-beta  | false",
            ">1.0.0-0       | 1.1.0-rc.1  | true",
            ">1.0.0-0       | 1.1.0       | true",
            ">=1.0.0-0 <2.0.0 | 1.5.0-beta | false",
            ">=1.0.0-0 <2.0.0-0 | 1.5.0-beta | true",
            ">=1.2.3-alpha  | 1.2.3-beta  | true",
            ">=1.2.3-beta   | 1.2.3-alpha | false",
            "~1.2.3-0       | 1.2.4-rc.1  | true",
            // build metadata does not count
            "=1.2.3         | 1.2.3+build.5 | true",
            ">1.2.3         | 1.2.3+build.5 | false",
    })
    void matchesAsMasterminds(String range, String version, boolean expected) {
        SemanticVersion v = SemanticVersion.parseTag(version).orElseThrow();

        assertThat(SemverRange.parse(range).matches(v)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", ">=", "abc", ">=1.0.0 <<2", "1.2.3.4", ">=1.0.0 ||", "1.a.0", "@1.0.0"})
    void unreadableRangesAreRejectedWithAHint(String range) {
        assertThatThrownBy(() -> SemverRange.parse(range))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("semver range")
                .hasMessageContaining("'>=1.0.0 <2.0.0'");
    }

    @ParameterizedTest
    @ValueSource(strings = {">=1.0.0 <2.0.0", "^1.2", "~1.2.3", "1.x", "*", ">1.0.0-0", "1.2 - 1.4.5", "<1 || >=3", ">= 1.2, < 3"})
    void keepsTheTextForMessages(String range) {
        assertThat(SemverRange.parse(range)).hasToString(range);
    }
}
