package io.sluice.kustomize.yaml;

import io.sluice.kustomize.KustomizeException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlReaderTest {

    @Test
    void resolvesPlainScalarsLikeGoYamlV3() {
        Map<?, ?> m = (Map<?, ?>) YamlReader.readOne("""
                i: 42
                hex: 0x1F
                f: 1.0
                big: 18446744073709551615
                yes: yes
                q: "42"
                n: ~
                t: True
                """, "x.yaml");
        assertThat(m.get("i")).isEqualTo(42L);
        assertThat(m.get("hex")).isEqualTo(31L);
        assertThat(m.get("f")).isEqualTo(1L);
        assertThat(m.get("big")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(m.get("yes")).isEqualTo("yes");
        assertThat(m.get("q")).isEqualTo("42");
        assertThat(m.get("n")).isNull();
        assertThat(m.get("t")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void yaml11ModeReadsYesNoOnOffAsBooleansLikeGoYamlV2() {
        Map<?, ?> m = (Map<?, ?>) YamlReader.readOne("a: yes\nb: n\nc: on\nd: 1.10\ne: \"no\"\n", "k.yaml", true);
        assertThat(m.get("a")).isEqualTo(Boolean.TRUE);
        assertThat(m.get("b")).isEqualTo(Boolean.FALSE);
        assertThat(m.get("c")).isEqualTo(Boolean.TRUE);
        assertThat(m.get("d")).isEqualTo(1.1);
        assertThat(m.get("e")).isEqualTo("no");
    }

    @Test
    void anchorsAndMergeKeysAreExpanded() {
        Map<?, ?> m = (Map<?, ?>) YamlReader.readOne("base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n", "x.yaml");
        assertThat(m.get("d")).isEqualTo(Map.of("x", 1L, "y", 2L));
    }

    @Test
    void malformedYamlNamesTheFileAndLine() {
        assertThatThrownBy(() -> YamlReader.readAll("a: 1\nb: [\n", "dir/bad.yaml"))
                .isInstanceOf(KustomizeException.class)
                .hasMessageContaining("dir/bad.yaml")
                .hasMessageContaining("line");
    }

    @Test
    void duplicateKeysAreRejectedWithTheirLine() {
        assertThatThrownBy(() -> YamlReader.readAll("a: 1\na: 2\n", "dup.yaml"))
                .isInstanceOf(KustomizeException.class)
                .hasMessageContaining("dup.yaml at line 2")
                .hasMessageContaining("\"a\" already defined");
    }
}
