package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The Endpoints controller, simulated: a Service with a selector gets an Endpoints object of its name, with its
 * labels (and {@code service.kubernetes.io/headless} for headless ones), and none of the subsets a real one lists:
 * pods here never run, so no pod has an address. The Endpoints object goes when the Service goes.
 */
final class EndpointsController {

    private final ControllerClient client;

    EndpointsController(ControllerClient client) {
        this.client = client;
    }

    long sync(String namespace, String name) {
        String path = "/api/v1/namespaces/" + namespace + "/endpoints/" + name;
        Optional<ObjectNode> service = client.get("/api/v1/namespaces/" + namespace + "/services/" + name);
        Optional<ObjectNode> existing = client.get(path);
        if (service.isEmpty() || Owners.isTerminating(service.get())) {
            existing.ifPresent(endpoints -> client.delete(path));
            return 0;
        }
        JsonNode spec = service.get().path("spec");
        if (spec.path("selector").isEmpty()) {
            return 0; // endpoints of a Service without selector are the user's
        }
        ObjectNode labels = service.get().path("metadata").path("labels").isObject()
                ? ((ObjectNode) service.get().path("metadata").path("labels")).deepCopy() : Json.object();
        if (spec.path("clusterIP").asText().equals("None")) {
            labels.put("service.kubernetes.io/headless", "");
        }
        if (existing.isEmpty()) {
            ObjectNode endpoints = Json.object().put("apiVersion", "v1").put("kind", "Endpoints");
            ObjectNode metadata = endpoints.putObject("metadata").put("name", name);
            if (!labels.isEmpty()) {
                metadata.set("labels", labels);
            }
            client.create("/api/v1/namespaces/" + namespace + "/endpoints", endpoints);
        } else if (!Json.same(labels.isEmpty() ? null : labels, existing.get().path("metadata").get("labels"))) {
            ObjectNode updated = existing.get().deepCopy();
            if (labels.isEmpty()) {
                Json.metadata(updated).remove("labels");
            } else {
                Json.metadata(updated).set("labels", labels);
            }
            client.update(path, updated);
        }
        return 0;
    }
}
