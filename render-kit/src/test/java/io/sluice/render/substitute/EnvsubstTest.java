package io.sluice.render.substitute;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvsubstTest {

    private static final Map<String, String> VARS = Map.of(
            "name", "web", "empty", "", "path", "/home/bozo/ideas/thoughts.for.today", "mixed", "abcdEFGH28ij",
            "slashy", "foo/bar/baz", "default_var", "foo");

    private static String eval(String text, boolean strict) {
        return Envsubst.eval(text, k -> Optional.ofNullable(VARS.get(k)), strict);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "plain text|plain text",
            "${name}|web",
            "app-${name}-svc|app-web-svc",
            "$name stays|$name stays",
            "$${name}|${name}",
            "a$$b|a$b",
            "$$${name}|$web",
            "${missing:=fallback}|fallback",
            "${missing:-fallback}|fallback",
            "${missing=fallback}|fallback",
            "${empty:=fallback}|fallback",
            "${empty:-fallback}|fallback",
            "${name:=fallback}|web",
            "${missing:=${default_var}-suffix}|foo-suffix",
            "${missing:=pre${name}}|preweb",
            "something $${var=${default_var}}|something ${var=foo}",
            "${#mixed}|12",
            "${mixed^}|AbcdEFGH28ij",
            "${mixed^^}|ABCDEFGH28IJ",
            "${mixed,}|abcdEFGH28ij",
            "${mixed,,}|abcdefgh28ij",
            "${path:11}|ideas/thoughts.for.today",
            "${path:11:5}|ideas",
            "${path:-6}|/home/bozo/ideas/thoughts.for.today",
            "${path:x}|/home/bozo/ideas/thoughts.for.today",
            "${slashy/\\//-}|foo-bar/baz",
            "${slashy//\\//-}|foo-bar-baz",
            "${slashy/#foo/X}|X/bar/baz",
            "${slashy/%baz/X}|foo/bar/X",
            "${path##*/}|home/bozo/ideas/thoughts.for.today",
            "${slashy%/*}|foo/bar",
            "${slashy%%/*}|foo/bar",  // Flux matches the reversed pattern on the reversed value: not bash's "foo"
            "${slashy#foo}|/bar/baz",
            "${mixed%%[0-9]*}|abcdEFGH28ij",  // reversed, the pattern is malformed: Flux keeps the value
            "${mixed%?j}|abcdEFGH28",
            "\\\\something ${name}|\\\\something web",
    })
    void expands_like_flux_envsubst(String input, String expected) {
        assertThat(eval(input, true)).isEqualTo(expected);
    }

    @Test
    void unset_variable_is_empty_without_strict_mode() {
        assertThat(eval("x${missing}y", false)).isEqualTo("xy");
    }

    @Test
    void unset_variable_without_default_fails_in_strict_mode() {
        assertThatThrownBy(() -> eval("x: ${missing}", true))
                .isInstanceOf(Envsubst.EnvsubstException.class)
                .hasMessage("variable not set (strict mode): \"missing\"");
        assertThatThrownBy(() -> eval("${missing^^}", true)).hasMessageContaining("variable not set");
        assertThatThrownBy(() -> eval("${#missing}", true)).hasMessageContaining("variable not set");
    }

    @Test
    void empty_but_set_variable_is_fine_in_strict_mode() {
        assertThat(eval("[${empty}]", true)).isEqualTo("[]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${}|unable to parse variable name",
            "${name|missing closing brace",
            "${name-default}|missing closing brace",
            "${!name}|unable to parse variable name",
            "${missing:=unterminated|unable to parse substitution within function",
    })
    void syntax_errors_name_the_expression(String input, String message) {
        assertThatThrownBy(() -> eval("line one\n" + input, false))
                .isInstanceOf(Envsubst.EnvsubstException.class)
                .hasMessageStartingWith(message)
                .hasMessageContaining("at line 2");
    }
}
