package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The form a GET answers in, from its Accept header, as a real server negotiates it: JSON, YAML, or a
 * {@code Table} ({@code application/json;as=Table;v=v1;g=meta.k8s.io}); the first form of the header the server
 * offers wins, and a header naming none of them is a 406.
 */
enum Representation {
    JSON, YAML, TABLE;

    private static final ObjectMapper YAML_WRITER = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * @throws ApiException 406 when the header accepts nothing the server offers
     */
    static Representation of(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            String media = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
            Map<String, String> parameters = new TreeMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] pair = parts[i].trim().split("=", 2);
                parameters.put(pair[0].trim(), pair.length > 1 ? pair[1].trim() : "");
            }
            boolean json = media.equals("application/json") || media.equals("application/*") || media.equals("*/*");
            if (json && "Table".equals(parameters.get("as"))) {
                if ("v1".equals(parameters.get("v")) && "meta.k8s.io".equals(parameters.get("g"))) {
                    return TABLE;
                }
                continue;
            }
            if (json && !parameters.containsKey("as")) {
                return JSON;
            }
            if (media.equals("application/yaml")) {
                return YAML;
            }
        }
        throw new ApiException(406, "NotAcceptable", "406: Not Acceptable\n\nAvailable representations: application/json, "
                + "application/yaml, application/vnd.kubernetes.protobuf", ApiException.Details.EMPTY);
    }

    /** An answer in YAML, keys in order as Go writes maps. */
    static MockResponse yaml(int code, byte[] json) {
        try {
            JsonNode tree = Json.MAPPER.readTree(json);
            Object plain = Json.MAPPER.treeToValue(tree, Object.class);
            return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/yaml")
                    .setBody(YAML_WRITER.writeValueAsBytes(plain));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
