package io.sluice.kustomize.yaml;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The emitter must print what go-yaml v2 prints after kustomize's JSON round trip. */
class YamlWriterTest {

    private static String roundTrip(String yaml) {
        return YamlWriter.write(YamlReader.readOne(yaml, "test.yaml"));
    }

    @Test
    void sortsKeysAndQuotesStringsThatWouldReadBackAsOtherTypes() {
        String out = roundTrip("""
                b: "123"
                a: "true"
                c: "yes"
                d: y
                e: ""
                f: 1.50
                g: 0o12
                h: 2020-01-01
                """);
        assertThat(out).isEqualTo("""
                a: "true"
                b: "123"
                c: "yes"
                d: "y"
                e: ""
                f: 1.5
                g: 10
                h: "2020-01-01T00:00:00Z"
                """);
    }

    @Test
    void naturalKeyOrderComparesDigitRunsNumerically() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a10", 1L);
        m.put("a9", 2L);
        m.put("A", 3L);
        m.put("_x", 4L);
        assertThat(YamlWriter.write(m)).isEqualTo("_x: 4\nA: 3\na9: 2\na10: 1\n");
    }

    @Test
    void multiLineStringsBecomeLiteralBlocksWithChompingIndicators() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keep", "a\nb\n");
        m.put("strip", "a\nb");
        m.put("lead", "\nx\n");
        m.put("tab", "a\tb\n");
        assertThat(YamlWriter.write(m)).isEqualTo("keep: |\n  a\n  b\nlead: |2\n\n  x\nstrip: |-\n  a\n  b\ntab: \"a\\tb\\n\"\n");
    }

    @Test
    void longPlainScalarsFoldAtEightyColumns() {
        String word = "aaaaaaaaaa";
        String value = String.join(" ", java.util.Collections.nCopies(10, word));
        String out = YamlWriter.write(Map.of("k", value));
        // libyaml breaks at the first space once the column is past 80
        String first = String.join(" ", java.util.Collections.nCopies(8, word));
        String rest = String.join(" ", java.util.Collections.nCopies(2, word));
        assertThat(out).isEqualTo("k: " + first + "\n  " + rest + "\n");
    }

    @Test
    void indicatorsForceSingleQuotesAndEmptyCollectionsAreFlow() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("colon", "a: b");
        m.put("star", "*x");
        m.put("emptyMap", new LinkedHashMap<>());
        m.put("emptyList", new ArrayList<>());
        m.put("nil", null);
        assertThat(YamlWriter.write(m)).isEqualTo("colon: 'a: b'\nemptyList: []\nemptyMap: {}\nnil: null\nstar: '*x'\n");
    }

    @Test
    void sequencesUnderKeysAreNotIndentedAndNestedSequencesShareTheLine() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", "a");
        item.put("v", 1L);
        List<Object> nested = List.of(List.of("x", "y"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", List.of(item));
        m.put("nested", nested);
        assertThat(YamlWriter.write(m)).isEqualTo("items:\n- name: a\n  v: 1\nnested:\n- - x\n  - \"y\"\n");
    }

    @Test
    void documentsAreSeparatedByDashes() {
        assertThat(YamlWriter.writeAll(List.of(Map.of("a", 1L), Map.of("b", 2L)))).isEqualTo("a: 1\n---\nb: 2\n");
    }
}
