package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A path to one field of an object in the notation of {@code managedFields} (FieldsV1): each element is
 * {@code f:<field>}, {@code k:<json key object>} for an item of an associative list, or {@code v:<json value>}
 * for a value of a set list. Example: {@code f:spec / f:containers / k:{"name":"web"} / f:image}.
 */
record FieldPath(List<String> elements) {

    static final FieldPath ROOT = new FieldPath(List.of());

    FieldPath {
        elements = List.copyOf(elements);
    }

    FieldPath field(String name) {
        return child("f:" + name);
    }

    FieldPath key(JsonNode keyObject) {
        return child("k:" + Json.write(keyObject));
    }

    FieldPath value(JsonNode value) {
        return child("v:" + Json.write(value));
    }

    FieldPath child(String element) {
        List<String> next = new ArrayList<>(elements);
        next.add(element);
        return new FieldPath(next);
    }

    boolean isEmpty() {
        return elements.isEmpty();
    }

    FieldPath parent() {
        return new FieldPath(elements.subList(0, elements.size() - 1));
    }

    String last() {
        return elements.get(elements.size() - 1);
    }

    /** True when {@code other} is this path or lies below it. */
    boolean contains(FieldPath other) {
        return other.elements.size() >= elements.size() && other.elements.subList(0, elements.size()).equals(elements);
    }

    /**
     * As the API server prints a field in conflict messages: {@code .spec.containers[name="web"].image},
     * {@code .metadata.finalizers[="x"]}.
     */
    String display() {
        StringBuilder text = new StringBuilder();
        for (String element : elements) {
            String body = element.substring(2);
            if (element.startsWith("f:")) {
                text.append('.').append(body);
            } else if (element.startsWith("v:")) {
                text.append("[=").append(body).append(']');
            } else if (element.startsWith("k:")) {
                JsonNode key = Json.parse(body, "field path key");
                List<String> parts = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = key.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    parts.add(entry.getKey() + "=" + Json.write(entry.getValue()));
                }
                text.append('[').append(String.join(",", parts)).append(']');
            } else {
                text.append('[').append(body).append(']');
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return display();
    }
}
