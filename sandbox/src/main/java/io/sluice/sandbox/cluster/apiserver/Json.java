package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON trees as the API server handles them: parsing request bodies, reading and writing metadata. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Parses a request body: JSON, or YAML (server-side apply bodies may be either). */
    static JsonNode parse(String body, String what) {
        return parse(body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), what);
    }

    /**
     * Parses a request body as it came, in bytes (UTF-8): JSON when it starts with {@code {} or {@code [}, YAML
     * otherwise. Straight from the bytes: no text copy of the body first, and Jackson's byte parser.
     */
    static JsonNode parse(byte[] body, String what) {
        int first = firstNonBlank(body);
        if (first < 0) {
            throw ApiException.badRequest(what + " has an empty body; send the object as JSON or YAML");
        }
        try {
            boolean json = body[first] == '{' || body[first] == '[';
            return json ? MAPPER.readTree(body) : YAML.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(what + " is not valid JSON or YAML: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest(what + " could not be read: " + e.getMessage());
        }
    }

    /** Where the first character that is not white space is; -1 when there is none (no body, or only blanks). */
    static int firstNonBlank(byte[] body) {
        if (body == null) {
            return -1;
        }
        for (int i = 0; i < body.length; i++) {
            if (!Character.isWhitespace(body[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Parses a body that must be one object. */
    static ObjectNode parseObject(byte[] body, String what) {
        JsonNode node = parse(body, what);
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest(what + " must be a JSON object, got " + node.getNodeType());
        }
        return object;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialize a JSON tree", e);
        }
    }

    static byte[] writeBytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialize a JSON tree", e);
        }
    }

    /** {@code metadata}, created when missing. */
    static ObjectNode metadata(ObjectNode object) {
        JsonNode metadata = object.get("metadata");
        if (metadata instanceof ObjectNode existing) {
            return existing;
        }
        return object.putObject("metadata");
    }

    /** A text field of {@code metadata}, or null. */
    static String meta(JsonNode object, String field) {
        JsonNode value = object.path("metadata").get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static long generation(JsonNode object) {
        return object.path("metadata").path("generation").asLong(0);
    }

    static boolean hasFinalizers(JsonNode object) {
        JsonNode finalizers = object.path("metadata").path("finalizers");
        return finalizers.isArray() && !finalizers.isEmpty();
    }

    static boolean isTerminating(JsonNode object) {
        return meta(object, "deletionTimestamp") != null;
    }

    static Map<String, String> labels(JsonNode object) {
        JsonNode labels = object.path("metadata").path("labels");
        Map<String, String> result = new java.util.HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            result.put(entry.getKey(), entry.getValue().asText());
        }
        return result;
    }

    /** A second and how it is written, kept: thousands of objects are written within one second. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

    /** Now, as the API server writes timestamps: RFC 3339, whole seconds, UTC. */
    static String now() {
        long epochSecond = Instant.now().getEpochSecond();
        Second last = lastSecond;
        if (last.epochSecond() != epochSecond) {
            last = new Second(epochSecond, Instant.ofEpochSecond(epochSecond).toString());
            lastSecond = last;
        }
        return last.text();
    }

    /**
     * Equal as JSON values: numbers compare by value, so an int read from a request equals a long the server
     * wrote ({@link JsonNode#equals} would say they differ). Either side may be null (absent).
     */
    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(NUMBERS_BY_VALUE, b);
    }

    private static final java.util.Comparator<JsonNode> NUMBERS_BY_VALUE = (x, y) -> {
        if (x.equals(y)) {
            return 0;
        }
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1;
        }
        return 1;
    };

    /** Equal as JSON values (numbers by value) apart from the top-level {@code ignored} fields; no copies made. */
    static boolean sameExcept(ObjectNode a, ObjectNode b, List<String> ignored) {
        int sizeA = a.size();
        int sizeB = b.size();
        for (String field : ignored) {
            sizeA -= a.has(field) ? 1 : 0;
            sizeB -= b.has(field) ? 1 : 0;
        }
        if (sizeA != sizeB) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = a.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!ignored.contains(field.getKey()) && !same(field.getValue(), b.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Sets {@code field} to a copy of {@code value}, or removes it when the value is null or missing. */
    static void setOrRemove(ObjectNode object, String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            object.remove(field);
        } else {
            object.set(field, value.deepCopy());
        }
    }

    /** Removes every null value, at any depth (apply configurations never carry nulls into the object). */
    static void removeNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getValue().isNull()) {
                    it.remove();
                } else {
                    removeNulls(entry.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Json::removeNulls);
        }
    }
}
