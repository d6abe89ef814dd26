package io.sluice.source.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A repository index turned into the HelmRepository's JSON artifact, as Flux loads one. */
class IndexConverterTest {

    @Test
    void keepsValidVersionsNewestFirstAndDropsInvalidOnes() throws Exception {
        String index = """
                apiVersion: v1
                generated: "2026-12-01T10:00:00Z"
                entries:
                  podinfo:
                  - name: podinfo
                    version: 6.4.0
                    urls: [podinfo-6.4.0.tgz]
                    created: "2026-10-01T10:00:00Z"
                  - name: podinfo
                    version: 6.10.1
                    urls: [podinfo-6.10.1.tgz]
                    digest: abc
                  - name: podinfo
                    version: not-a-version
                    urls: [broken.tgz]
                  - name: podinfo
                    version: 6.5.0-rc.1
                    urls: [podinfo-6.5.0-rc.1.tgz]
                  broken:
                  - version: 1.0.0
                    urls: [nameless.tgz]
                """;
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        IndexConverter.Summary summary = IndexConverter.convert(new ByteArrayInputStream(index.getBytes(StandardCharsets.UTF_8)), out);

        assertThat(summary).isEqualTo(new IndexConverter.Summary(1, 3, 2));
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertThat(json.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(json.path("generated").asText()).isEqualTo("2026-12-01T10:00:00Z");
        List<String> versions = new ArrayList<>();
        json.path("entries").path("podinfo").forEach(v -> versions.add(v.path("version").asText()));
        assertThat(versions).containsExactly("6.10.1", "6.5.0-rc.1", "6.4.0");
        assertThat(json.path("entries").has("broken")).as("a chart with no valid version is left out").isFalse();
        assertThat(json.path("entries").path("podinfo").get(0).path("digest").asText()).isEqualTo("abc");
    }

    @Test
    void refusesWhatIsNotAnIndex() {
        assertThatThrownBy(() -> convert("")).isInstanceOf(IndexException.class).hasMessageContaining("the index is empty");
        assertThatThrownBy(() -> convert("<html><body>Welcome</body></html>\n- x: [")).isInstanceOf(IndexException.class)
                .hasMessageContaining("not");
        assertThatThrownBy(() -> convert("entries: {}\n")).isInstanceOf(IndexException.class)
                .hasMessage("the index has no apiVersion (no API version specified); a Helm repository index starts with 'apiVersion: v1'");
        assertThatThrownBy(() -> convert("apiVersion: v1\nentries: [a, b]\n")).isInstanceOf(IndexException.class)
                .hasMessageContaining("'entries' of the index must be a mapping of chart names to their versions (line 2)");
        assertThatThrownBy(() -> convert("apiVersion: v1\nentries:\n  app: 3\n")).isInstanceOf(IndexException.class)
                .hasMessageContaining("'entries.app' of the index must be a list of chart versions");
        assertThatThrownBy(() -> convert("- just\n- a list\n")).isInstanceOf(IndexException.class)
                .hasMessageContaining("not a mapping");
        assertThatThrownBy(() -> convert("apiVersion: v1\nentries: {a: [{name: a, version: 1.0.0}\n")).isInstanceOf(IndexException.class)
                .hasMessageContaining("not valid YAML");
    }

    private static void convert(String index) throws Exception {
        IndexConverter.convert(new ByteArrayInputStream(index.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream());
    }
}
