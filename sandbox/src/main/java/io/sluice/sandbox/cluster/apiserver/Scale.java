package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code /scale} subresource: an {@code autoscaling/v1} Scale view of {@code spec.replicas}. */
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
        scale.putObject("status").put("replicas", object.path("status").path("replicas").asInt(0));
        return scale;
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
