package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code /scale} subresource: an {@code autoscaling/v1} Scale view of {@code spec.replicas}, with the replicas
 * the status counts and the selector as a label selector string ({@code app=web}), as HPAs read it.
 */
final class Scale {

    private Scale() {
    }

    static ObjectNode of(JsonNode object) {
        ObjectNode scale = Json.object().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode metadata = scale.putObject("metadata");
        for (String field : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            JsonNode value = object.path("metadata").get(field);
            if (value != null) {
                metadata.set(field, value);
            }
        }
        scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(0));
        ObjectNode status = scale.putObject("status").put("replicas", object.path("status").path("replicas").asInt(0));
        JsonNode selector = object.path("spec").get("selector");
        if (selector != null && selector.isObject()) {
            status.put("selector", selectorText(selector));
        }
        return scale;
    }

    /** A label selector as text, as the server writes it: requirements sorted by key, {@code a=1,b in (x,y)}. */
    static String selectorText(JsonNode selector) {
        java.util.TreeMap<String, String> requirements = new java.util.TreeMap<>();
        selector.path("matchLabels").fields().forEachRemaining(e -> requirements.put(e.getKey() + "\u0000=",
                e.getKey() + "=" + e.getValue().asText()));
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            java.util.List<String> values = new java.util.ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            java.util.Collections.sort(values);
            String text = switch (expression.path("operator").asText()) {
                case "In" -> key + " in (" + String.join(",", values) + ")";
                case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
                case "Exists" -> key;
                default -> "!" + key;
            };
            requirements.put(key + "\u0001" + text, text);
        }
        return String.join(",", requirements.values());
    }

    /** The object with {@code spec.replicas} taken from a Scale. */
    static ObjectNode applyTo(ObjectNode object, JsonNode scale) {
        ObjectNode updated = object.deepCopy();
        JsonNode replicas = scale.path("spec").path("replicas");
        if (!replicas.isMissingNode()) {
            ObjectNode spec = updated.get("spec") instanceof ObjectNode existing ? existing : updated.putObject("spec");
            spec.set("replicas", replicas);
        }
        return updated;
    }
}
