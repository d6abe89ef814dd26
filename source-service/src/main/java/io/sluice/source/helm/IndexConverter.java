package io.sluice.source.helm;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a repository's {@code index.yaml} into the HelmRepository's artifact, streaming: the index is read event by
 * event and written as JSON (as Flux stores it) while it is read, so memory holds one chart's versions at a time,
 * never the whole index (an index of a big repository is tens of MB; holding it whole is what gets Flux's
 * source-controller OOM-killed).
 *
 * <p>As Flux loads an index: {@code apiVersion} is required; a version whose metadata Helm finds invalid (no name, a
 * version that is not SemVer, ...) is dropped; each chart's versions are sorted newest first (SemVer, then
 * {@code created}). Other top-level fields ({@code generated}, {@code serverInfo}, ...) are copied as they are.
 */
public final class IndexConverter {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * What the index held.
     *
     * @param charts   charts with at least one valid version
     * @param versions valid versions kept
     * @param dropped  versions left out because Helm finds them invalid
     */
    public record Summary(int charts, int versions, int dropped) {
    }

    private IndexConverter() {
    }

    /** Reads {@code index} (YAML or JSON) and writes the artifact's JSON to {@code out} (left open). */
    public static Summary convert(InputStream index, OutputStream out) throws IndexException, IOException {
        int charts = 0;
        int versions = 0;
        int dropped = 0;
        boolean apiVersion = false;
        try (JsonParser parser = HelmYaml.parser(index);
             JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IndexException("the index is empty (empty index.yaml file)");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new IndexException("the index is not a mapping of fields (apiVersion, entries, ...)");
            }
            json.writeStartObject();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("entries")) {
                    if (value == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    if (value != JsonToken.START_OBJECT) {
                        throw new IndexException("'entries' of the index must be a mapping of chart names to their versions" + at(parser));
                    }
                    json.writeObjectFieldStart("entries");
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String chart = parser.currentName();
                        parser.nextToken();
                        List<ObjectNode> kept = readVersions(parser, chart);
                        int total = kept.size();
                        kept.removeIf(entry -> !valid(entry, chart));
                        dropped += total - kept.size();
                        if (kept.isEmpty()) {
                            continue;
                        }
                        kept.sort(IndexEntries.NEWEST_FIRST);
                        json.writeArrayFieldStart(chart);
                        for (ObjectNode entry : kept) {
                            HelmYaml.MAPPER.writeTree(json, entry);
                        }
                        json.writeEndArray();
                        charts++;
                        versions += kept.size();
                    }
                    json.writeEndObject();
                } else {
                    if (field.equals("apiVersion")) {
                        apiVersion = value == JsonToken.VALUE_STRING && !parser.getText().isBlank();
                    }
                    json.writeFieldName(field);
                    json.copyCurrentStructure(parser);
                }
            }
            json.writeEndObject();
        } catch (IndexException e) {
            throw e;
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                throw new IndexException("the index is not valid YAML: " + ChartMetadata.firstLine(e.getMessage()), e);
            }
            throw e;
        }
        if (!apiVersion) {
            throw new IndexException("the index has no apiVersion (no API version specified); a Helm repository index starts with 'apiVersion: v1'");
        }
        return new Summary(charts, versions, dropped);
    }

    private static List<ObjectNode> readVersions(JsonParser parser, String chart) throws IOException, IndexException {
        List<ObjectNode> entries = new ArrayList<>();
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return entries;
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new IndexException("'entries." + chart + "' of the index must be a list of chart versions" + at(parser));
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonNode entry = HelmYaml.MAPPER.readTree(parser);
            if (entry != null && entry.isObject()) {
                entries.add((ObjectNode) entry);
            } else {
                entries.add(null);
            }
        }
        entries.removeIf(java.util.Objects::isNull);
        return entries;
    }

    /** Helm's ChartVersion.Validate, as Flux applies it: an invalid version is left out of the index. */
    private static boolean valid(ObjectNode entry, String chart) {
        try {
            ChartMetadata.ofIndexEntry(entry, "index entry of chart '" + chart + "'").validate("index entry of chart '" + chart + "'");
            return true;
        } catch (ChartException e) {
            return false;
        }
    }

    private static String at(JsonParser parser) {
        return " (line " + parser.currentLocation().getLineNr() + ")";
    }
}
