package io.sluice.api.semver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemanticVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "v1.2.3", "0.0.0", "1.2.3-rc.1", "1.2.3-0.3.7", "1.2.3-x.7.z.92", "1.2.3+build.1", "v10.20.30-alpha-1+meta.data"})
    void readsStrictSemverTagsWithOptionalV(String tag) {
        assertThat(SemanticVersion.parseTag(tag)).hasValueSatisfying(v -> assertThat(v.original()).isEqualTo(tag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "1", "release-1.2.3", "V1.2.3", "v01.2.3", "1.02.3", "1.2.3-01", "1.2.3-", "1.2.3+", "latest", "1.2.3.4", "99999999999999999999.0.0"})
    void ignoresTagsThatAreNotStrictSemver(String tag) {
        assertThat(SemanticVersion.parseTag(tag)).isEmpty();
    }

    @Test
    void ordersBySemverPrecedence() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0");

        List<String> sorted = Stream.of("10.0.0", "1.0.0-beta.11", "1.0.0", "2.0.0", "1.0.0-alpha.beta", "1.1.0", "1.0.0-rc.1",
                        "1.0.0-alpha", "1.0.1", "1.0.0-beta.2", "1.0.0-alpha.1", "1.0.0-beta")
                .map(t -> SemanticVersion.parseTag(t).orElseThrow())
                .sorted()
                .map(SemanticVersion::original)
                .toList();

        assertThat(sorted).isEqualTo(ordered);
    }

    @Test
    void buildMetadataDoesNotChangePrecedence() {
        SemanticVersion a = SemanticVersion.parseTag("v1.0.0+a").orElseThrow();
        SemanticVersion b = SemanticVersion.parseTag("1.0.0+b").orElseThrow();

        assertThat(a.samePrecedence(b)).isTrue();
        assertThat(a.compareTo(b)).isZero();
    }
}
