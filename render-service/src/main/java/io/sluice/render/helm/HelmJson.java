package io.sluice.render.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values as Helm's Go code marshals them into a release: map keys sorted (Go's encoding/json sorts them), numbers
 * as Go holds YAML numbers after its YAML-to-JSON step (float64: {@code 3.0} is written {@code 3}).
 */
final class HelmJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HelmJson() {
    }

    /** A tree of plain values (maps, lists, scalars from YAML), keys sorted. */
    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(goNumbers(value));
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** Integral doubles become longs, as Go prints a float64 without a fraction. */
    private static Object goNumbers(Object value) {
        if (value instanceof Map<?, ?> map) {
            java.util.TreeMap<String, Object> out = new java.util.TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), goNumbers(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(goNumbers(v)));
            return out;
        }
        if (value instanceof Double d && !d.isInfinite() && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        return value;
    }
}
