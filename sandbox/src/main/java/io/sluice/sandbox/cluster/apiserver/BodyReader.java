package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request body into a tree in one pass, noting each key that appears twice in one object as the real
 * server reports it: in JSON by its path ({@code data.a}, for a {@code duplicate field "data.a"} warning or strict
 * error), in YAML by its line ({@code line 7: key "a" already set in map}). The last value of a repeated key
 * wins, as in Go.
 */
final class BodyReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonFactory YAML = new YAMLFactory();

    /** A body read: its tree and the duplicate keys found, in order. */
    record Body(JsonNode tree, List<String> duplicates) {
    }

    private final List<String> duplicates = new ArrayList<>();
    private final boolean yaml;

    private BodyReader(boolean yaml) {
        this.yaml = yaml;
    }

    /**
     * @param bytes a non-blank body: JSON when it starts with {@code {} or {@code [}, YAML otherwise
     * @throws JsonProcessingException when it is neither
     */
    static Body read(byte[] bytes) throws IOException {
        int first = Json.firstNonBlank(bytes);
        boolean yaml = first < 0 || (bytes[first] != '{' && bytes[first] != '[');
        BodyReader reader = new BodyReader(yaml);
        try (JsonParser parser = (yaml ? YAML : JSON).createParser(bytes)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new Body(com.fasterxml.jackson.databind.node.MissingNode.getInstance(), List.of());
            }
            JsonNode tree = reader.value(parser, token, "");
            if (!yaml && parser.nextToken() != null) {
                throw new JsonProcessingException("invalid character after top-level value", parser.currentLocation()) {
                };
            }
            return new Body(tree, List.copyOf(reader.duplicates));
        }
    }

    private JsonNode value(JsonParser parser, JsonToken token, String path) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String key = parser.currentName();
                    int line = parser.currentTokenLocation().getLineNr();
                    String child = path.isEmpty() ? key : path + "." + key;
                    JsonNode value = value(parser, parser.nextToken(), child);
                    if (object.has(key)) {
                        duplicates.add(yaml ? "line " + line + ": key " + GoSyntax.quote(key) + " already set in map"
                                : child);
                    }
                    object.set(key, value);
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next, path + "[" + array.size() + "]"));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                // as Jackson's own tree reader does, so numbers compare equal to those of trees read elsewhere
                return switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new JsonProcessingException("unexpected " + token, parser.currentLocation()) {
            };
        }
    }
}
