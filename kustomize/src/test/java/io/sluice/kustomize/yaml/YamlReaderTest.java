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

    @Test
    void tabsAreWhitespaceWhereGoYamlAllowsThem() {
        Map<?, ?> m = (Map<?, ?>) YamlReader.readOne("metadata:\t\n  name:\tweb\t# c\nlist: [a,\tb]\n", "t.yaml");
        assertThat(m.get("metadata")).isEqualTo(Map.of("name", "web"));
        assertThat(m.get("list")).isEqualTo(java.util.List.of("a", "b"));
        assertThatThrownBy(() -> YamlReader.readOne("a:\n\tb: 1\n", "t.yaml"))
                .hasMessageContaining("t.yaml at line 2, column 1")
                .hasMessageContaining("cannot start any token");
    }

    @Test
    void documentsAreSplitAsKyamlSplitsThem() {
        String text = "a: 1\n...\nignored: 2\n---\t# next\nb: 3\n---\n\uFEFFc: 4\n";
        assertThat(YamlReader.readAll(text, "d.yaml")).containsExactly(Map.of("a", 1L), Map.of("b", 3L), Map.of("c", 4L));
        assertThatThrownBy(() -> YamlReader.readAll("a: 1\n--- b: 2\n", "d.yaml"))
                .hasMessageContaining("invalid document separator: --- b: 2");
    }

    @Test
    void errorLinesCountFromTheStartOfTheFile() {
        assertThatThrownBy(() -> YamlReader.readAll("a: 1\n---\nb: 2\nc: [\n", "d.yaml"))
                .hasMessageContaining("d.yaml at line 5");
    }

    @Test
    void remembersHowNullValuesWereWritten() {
        YamlMap m = (YamlMap) YamlReader.readOne("a:\nb: null\nc: ~\nd: !!null x\nf: {g: }\n", "n.yaml");
        assertThat(m.nullText("a")).isEqualTo(new YamlMap.NullText("", false));
        assertThat(m.nullText("b").text()).isEqualTo("null");
        assertThat(m.nullText("c").text()).isEqualTo("~");
        assertThat(m.nullText("d").text()).isEqualTo("x");
        assertThat(((YamlMap) m.get("f")).nullText("g")).isEqualTo(new YamlMap.NullText("", true));
        assertThat(((YamlMap) Values.deepCopy(m)).nullText("c").text()).isEqualTo("~");
    }

    @Test
    void foldedScalarsTakeTheValueKyamlPrints() {
        Map<?, ?> m = (Map<?, ?>) YamlReader.readOne("v: >\n  x\n    y\n  z\n", "f.yaml");
        assertThat(m.get("v")).isEqualTo("x\n\n  y\nz\n");
    }

    @Test
    void refusesCharactersGoYamlsReaderRefuses() {
        assertThatThrownBy(() -> YamlReader.readOne("a: \u0001\n", "c.yaml")).hasMessageContaining("control characters are not allowed");
    }
}
