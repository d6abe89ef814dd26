package io.sluice.render.helm;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Helm's --set syntax as Flux's valuesFrom targetPath uses it. */
class StrvalsParserTest {

    private static Map<String, Object> set(String text) {
        Map<String, Object> values = new LinkedHashMap<>();
        StrvalsParser.parseInto(text, values);
        return values;
    }

    @Test
    void nestedKeysAndTypedValues() {
        Map<String, Object> values = set("a.b.c=1,d=true,e=null,f=0,g=012,h=1.5,i=text,j=FALSE");
        assertThat(values.get("a")).isEqualTo(Map.of("b", Map.of("c", 1L)));
        assertThat(values).containsEntry("d", true).containsEntry("e", null).containsEntry("f", 0L).containsEntry("g", "012")
                .containsEntry("h", "1.5").containsEntry("i", "text").containsEntry("j", false);
    }

    @Test
    void listsIndexesAndEscapes() {
        assertThat(set("list={a,b,3}")).isEqualTo(Map.of("list", List.of("a", "b", 3L)));
        assertThat(set("servers[1].port=80")).isEqualTo(Map.of("servers", Arrays.asList(null, Map.of("port", 80L))));
        assertThat(set("nodeSelector.kubernetes\\.io/os=linux")).isEqualTo(Map.of("nodeSelector", Map.of("kubernetes.io/os", "linux")));
        assertThat(set("a=x\\,y")).isEqualTo(Map.of("a", "x,y"));
    }

    @Test
    void aCommaStartsAnotherAssignmentAsInFlux() {
        assertThat(set("tls.crt=abc,def=1")).isEqualTo(Map.of("tls", Map.of("crt", "abc"), "def", 1L));
    }

    @Test
    void setMergesIntoExistingMaps() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tls", new LinkedHashMap<>(Map.of("key", "k")));
        StrvalsParser.parseInto("tls.crt=c", values);
        assertThat(values).isEqualTo(Map.of("tls", Map.of("key", "k", "crt", "c")));
    }

    @Test
    void quotedValuesStayStringsWithoutTheirQuotes() {
        Map<String, Object> values = new LinkedHashMap<>();
        StrvalsParser.replacePathValue(values, "port", "\"8080\"");
        StrvalsParser.replacePathValue(values, "enabled", "'true'");
        StrvalsParser.replacePathValue(values, "count", "3");
        assertThat(values).isEqualTo(Map.of("port", "8080", "enabled", "true", "count", 3L));
    }

    @Test
    void malformedInputIsRefusedWithHelmsWords() {
        assertThatThrownBy(() -> set("a")).hasMessage("key \"a\" has no value");
        assertThatThrownBy(() -> set("a,b=1")).hasMessage("key \"a\" has no value (cannot end with ,)");
        assertThatThrownBy(() -> set("list={a,b")).hasMessage("list must terminate with '}'");
        assertThatThrownBy(() -> set("x[-1]=a")).hasMessage("negative -1 index not allowed");
        assertThatThrownBy(() -> set("x[y]=a")).hasMessageContaining("error parsing index");
    }
}
