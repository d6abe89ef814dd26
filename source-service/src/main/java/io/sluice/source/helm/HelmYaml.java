package io.sluice.source.helm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * YAML as Helm reads and writes it. Reading: Jackson over SnakeYAML, with a document size limit raised to what Helm
 * accepts (SnakeYAML's own default, 3 MB, is smaller than many index files). Writing: what Go's
 * {@code sigs.k8s.io/yaml} writes, which Helm uses for Chart.yaml and values: map keys sorted, no document marker,
 * quotes only where a plain scalar would be read as something else, lists not indented under their key.
 */
final class HelmYaml {

    /** Largest YAML document read in one piece: Helm's largest index file (Flux's default --helm-index-max-size). */
    static final int MAX_DOCUMENT = 50 * 1024 * 1024;

    static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();
    static final ObjectMapper MAPPER = new YAMLMapper(FACTORY).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private HelmYaml() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_DOCUMENT);
        return options;
    }

    /** Reads one YAML document as a tree; an empty document is an empty object. */
    static JsonNode read(byte[] yaml) throws IOException {
        JsonNode node = MAPPER.readTree(yaml);
        return node == null || node.isMissingNode() ? MAPPER.createObjectNode() : node;
    }

    /** A streaming parser over a YAML (or JSON) document. */
    static JsonParser parser(InputStream in) throws IOException {
        return FACTORY.createParser(in);
    }

    /** Writes a tree with every map's keys sorted, as sigs.k8s.io/yaml does. */
    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a YAML tree could not be written: " + e.getMessage(), e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode out = MAPPER.createObjectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = MAPPER.createArrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }
}
