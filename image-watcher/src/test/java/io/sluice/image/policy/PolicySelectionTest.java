package io.sluice.image.policy;

import io.sluice.api.image.ImagePolicyChoice;
import io.sluice.api.image.OrderPolicy;
import io.sluice.api.image.SemVerPolicy;
import io.sluice.api.image.TagFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flux's policies over tag lists: which tag each picks, with and without filterTags, and what each refuses. */
class PolicySelectionTest {

    @ParameterizedTest(name = "{0} over [{1}] picks {2}")
    @CsvSource(delimiterString = " | ", value = {
            "semver >=1.0.0 <2.0.0   | 1.0.0 1.0.1 2.0.0 latest 1.1.0-rc.1 | 1.0.1",
            "semver ^1.x             | v1.2.3 1.2.4 1.10.0 0.9.9            | 1.10.0",
            "semver >=1.0.0-0        | 1.0.0 1.1.0-rc.1 1.1.0-rc.2          | 1.1.0-rc.2",
            "semver *                | 2.0 2.0.0 2.0.1+build abc            | 2.0.1+build",
            "alphabetical asc        | a c b                                | c",
            "alphabetical desc       | a c b                                | a",
            "alphabetical asc        | RELEASE.2023-01-02 RELEASE.2023-11-30 RELEASE.2023-02-01 | RELEASE.2023-11-30",
            "numerical asc           | 1 10 9 2.5                           | 10",
            "numerical desc          | 1 10 9 2.5                           | 1",
    })
    void picksTheLatest(String policy, String tags, String expected) throws Exception {
        PolicySelection selection = PolicySelection.select(Arrays.asList(tags.split(" ")), TagFilterRule.ALL, policy(policy));
        assertThat(selection.latest()).contains(expected);
    }

    @Test
    void filterTagsExtractComparesTheCaptureAndReturnsTheTag() throws Exception {
        TagFilter filter = new TagFilter();
        filter.setPattern("^main-[a-f0-9]+-(?P<ts>[0-9]+)");
        filter.setExtract("$ts");
        List<String> tags = List.of("main-abc123-1700000300", "main-def456-1700000900", "main-0a1b2c-1700000100", "feature-x-1800000000", "latest");
        PolicySelection selection = PolicySelection.select(tags, TagFilterRule.from(filter), policy("numerical asc"));
        assertThat(selection.latest()).contains("main-def456-1700000900");
        assertThat(selection.scanned()).isEqualTo(5);
        assertThat(selection.filtered()).isEqualTo(3);
    }

    @Test
    void goExpandTemplates() {
        var m = java.util.regex.Pattern.compile("(?<major>\\d+)\\.(\\d+)").matcher("v12.7");
        assertThat(m.find()).isTrue();
        assertThat(TagFilterRule.expand(m, "${major}-$2")).isEqualTo("12-7");
        assertThat(TagFilterRule.expand(m, "$$major")).isEqualTo("$major");
        assertThat(TagFilterRule.expand(m, "$nope")).isEmpty();
    }

    @Test
    void noMatchIsEmptyNotAnError() throws Exception {
        assertThat(PolicySelection.select(List.of("1.0.0", "latest"), TagFilterRule.ALL, policy("semver >=5.0.0")).latest()).isEmpty();
    }

    @Test
    void tenThousandTagsInOnePass() throws Exception {
        List<String> tags = IntStream.range(0, 10_000).mapToObj(i -> (i / 1000) + "." + (i / 10 % 100) + "." + (i % 10)).toList();
        assertThat(PolicySelection.select(tags, TagFilterRule.ALL, policy("semver <5.0.0")).latest()).contains("4.99.9");
    }

    @Test
    void invalidSpecsAreRefusedWithTheField() {
        assertThatThrownBy(() -> TagPolicy.from(new ImagePolicyChoice())).hasMessageContaining("exactly one of semver, alphabetical and numerical");
        assertThatThrownBy(() -> policy("semver >=1.0.0 <<2")).hasMessageContaining("spec.policy.semver.range");
        assertThatThrownBy(() -> policy("alphabetical up")).hasMessageContaining("order is 'up'; it must be asc or desc");
        TagFilter broken = new TagFilter();
        broken.setPattern("([a-z");
        assertThatThrownBy(() -> TagFilterRule.from(broken)).hasMessageContaining("spec.filterTags.pattern '([a-z' is not a valid regular expression");
        assertThatThrownBy(() -> PolicySelection.select(List.of("1", "latest"), TagFilterRule.ALL, policy("numerical asc")))
                .isInstanceOf(PolicyException.class).hasMessageContaining("'latest'").hasMessageContaining("filterTags.pattern");
    }

    private static TagPolicy policy(String text) {
        String[] words = text.split(" ", 2);
        ImagePolicyChoice choice = new ImagePolicyChoice();
        switch (words[0]) {
            case "semver" -> {
                SemVerPolicy semver = new SemVerPolicy();
                semver.setRange(words[1]);
                choice.setSemver(semver);
            }
            case "alphabetical", "numerical" -> {
                OrderPolicy order = new OrderPolicy();
                order.setOrder(words[1]);
                if (words[0].equals("alphabetical")) {
                    choice.setAlphabetical(order);
                } else {
                    choice.setNumerical(order);
                }
            }
            default -> throw new IllegalArgumentException(text);
        }
        return TagPolicy.from(choice);
    }
}
