package io.sluice.source.helm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the versions of one chart in an index (a HelmRepository's JSON artifact, or an {@code index.yaml} fetched
 * for a dependency) by streaming through it: every other chart is skipped without being kept, so a HelmChart
 * reads a huge index in the memory of one chart's versions.
 */
public final class IndexLookup {

    private IndexLookup() {
    }

    /**
     * The versions of {@code chart}, in the index's order; empty when the index does not list the chart.
     *
     * @throws IndexException when the index cannot be read
     */
    public static Optional<List<IndexedChartVersion>> versions(InputStream index, String chart) throws IndexException, IOException {
        try (JsonParser parser = HelmYaml.parser(index)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IndexException("the index is not a mapping of fields (apiVersion, entries, ...)");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("entries") || value != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (!name.equals(chart)) {
                        parser.skipChildren();
                        continue;
                    }
                    return Optional.of(read(parser, chart));
                }
            }
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IndexException("the index is not valid YAML or JSON: " + ChartMetadata.firstLine(e.getMessage()), e);
        }
    }

    private static List<IndexedChartVersion> read(JsonParser parser, String chart) throws IOException, IndexException {
        List<IndexedChartVersion> versions = new ArrayList<>();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new IndexException("'entries." + chart + "' of the index is not a list of versions");
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonNode entry = HelmYaml.MAPPER.readTree(parser);
            if (entry == null || !entry.isObject()) {
                continue;
            }
            List<String> urls = new ArrayList<>();
            entry.path("urls").forEach(url -> urls.add(url.asText()));
            versions.add(new IndexedChartVersion(entry.path("name").asText(chart), entry.path("version").asText(""), urls,
                    entry.path("digest").asText(""), IndexEntries.created(entry)));
        }
        return versions;
    }
}
