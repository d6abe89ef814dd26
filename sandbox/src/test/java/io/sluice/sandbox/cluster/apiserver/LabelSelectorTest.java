package io.sluice.sandbox.cluster.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

    private static final Map<String, String> WEB = Map.of("app", "web", "tier", "front");
    private static final Map<String, String> NONE = Map.of();

    @Test
    void equalityAndInequality() {
        assertThat(LabelSelector.parse("app=web").matches(WEB)).isTrue();
        assertThat(LabelSelector.parse("app==web").matches(WEB)).isTrue();
        assertThat(LabelSelector.parse("app=db").matches(WEB)).isFalse();
        assertThat(LabelSelector.parse("app!=db").matches(WEB)).isTrue();
        assertThat(LabelSelector.parse("app!=db").matches(NONE)).as("absent label satisfies !=").isTrue();
    }

    @Test
    void setBasedRequirements() {
        assertThat(LabelSelector.parse("app in (web, db)").matches(WEB)).isTrue();
        assertThat(LabelSelector.parse("app in (db)").matches(WEB)).isFalse();
        assertThat(LabelSelector.parse("app in (web)").matches(NONE)).isFalse();
        assertThat(LabelSelector.parse("app notin (db,cache)").matches(WEB)).isTrue();
        assertThat(LabelSelector.parse("app notin (web)").matches(WEB)).isFalse();
        assertThat(LabelSelector.parse("app notin (web)").matches(NONE)).as("absent label satisfies notin").isTrue();
    }

    @Test
    void existenceAndConjunctions() {
        assertThat(LabelSelector.parse("tier").matches(WEB)).isTrue();
        assertThat(LabelSelector.parse("!tier").matches(WEB)).isFalse();
        assertThat(LabelSelector.parse("!tier").matches(NONE)).isTrue();
        assertThat(LabelSelector.parse("app in (web,db),tier,!canary,app!=x").matches(WEB)).isTrue();
        assertThat(LabelSelector.parse("app in (web,db),!tier").matches(WEB)).isFalse();
        assertThat(LabelSelector.parse("example.com/team=a").matches(Map.of("example.com/team", "a"))).isTrue();
        assertThat(LabelSelector.parse("").matches(WEB)).isTrue();
    }

    @Test
    void malformedSelectorsAreBadRequests() {
        for (String bad : new String[] {"app in (web", "app=(x)", "=web", "app in web", "app=bad value!", "a,"}) {
            assertThatThrownBy(() -> LabelSelector.parse(bad)).as(bad).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo(400));
        }
    }

    @Test
    void problemsAreWordedAsTheRealParserWordsThem() {
        assertThat(message("app in web")).isEqualTo("unable to parse requirement: found 'web' expected: '('");
        assertThat(message("app=bad value!")).isEqualTo("found 'value', expected: ',' or 'end of string'");
        assertThat(message("app in ()")).isEqualTo("unable to parse requirement: for 'in', 'notin' operators, "
                + "values set can't be empty");
    }

    private static String message(String selector) {
        try {
            LabelSelector.parse(selector);
        } catch (ApiException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted " + selector);
    }
}
