package io.sluice.rollout.scheme;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sluice.api.flagger.Canary;
import io.sluice.api.flagger.CanaryService;
import io.sluice.api.flagger.GatewayReference;
import io.sluice.rollout.analysis.InvalidCanaryException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Gateway API {@code HTTPRoute} ({@code gateway.networking.k8s.io/v1}) that splits a Canary's traffic: one rule
 * for every request under {@code /}, its two backends the primary and the canary Service with the weights of the
 * current step. Built as a generic object: the Gateway API types are not in the fabric8 client Quarkus brings.
 */
public final class TrafficRoute {

    public static final String API_VERSION = "gateway.networking.k8s.io/v1";
    public static final String KIND = "HTTPRoute";

    private TrafficRoute() {
    }

    public static GenericKubernetesResource build(Canary canary, int primaryWeight, int canaryWeight) {
        if (primaryWeight < 0 || canaryWeight < 0 || primaryWeight + canaryWeight != 100) {
            throw new IllegalArgumentException("weights must add up to 100, were " + primaryWeight + " and " + canaryWeight);
        }
        CanaryService service = canary.getSpec().getService();
        if (service == null || service.getGatewayRefs() == null || service.getGatewayRefs().isEmpty()) {
            throw new InvalidCanaryException("spec.service.gatewayRefs is required: the Gateway the HTTPRoute attaches to");
        }
        SchemeNames names = SchemeNames.of(canary);

        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("matches", List.of(Map.of("path", Map.of("type", "PathPrefix", "value", "/"))));
        rule.put("backendRefs", List.of(
                backend(names.primaryService(canary), service.getPort(), primaryWeight),
                backend(names.canaryService(canary), service.getPort(), canaryWeight)));
        if (service.getTimeout() != null) {
            rule.put("timeouts", Map.of("request", service.getTimeout()));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("parentRefs", parents(service.getGatewayRefs()));
        if (service.getHosts() != null && !service.getHosts().isEmpty()) {
            spec.put("hostnames", List.copyOf(service.getHosts()));
        }
        spec.put("rules", List.of(rule));

        GenericKubernetesResource route = new GenericKubernetesResource();
        route.setApiVersion(API_VERSION);
        route.setKind(KIND);
        route.setMetadata(new ObjectMetaBuilder().withName(names.apex(canary)).withNamespace(names.namespace())
                .withOwnerReferences(PrimaryDeployment.ownedBy(canary)).build());
        route.setAdditionalProperty("spec", spec);
        return route;
    }

    private static Map<String, Object> backend(String service, int port, int weight) {
        Map<String, Object> backend = new LinkedHashMap<>();
        backend.put("group", "");
        backend.put("kind", "Service");
        backend.put("name", service);
        backend.put("port", port);
        backend.put("weight", weight);
        return backend;
    }

    private static List<Map<String, Object>> parents(List<GatewayReference> gateways) {
        List<Map<String, Object>> parents = new ArrayList<>();
        for (GatewayReference gateway : gateways) {
            Map<String, Object> parent = new LinkedHashMap<>();
            putIfSet(parent, "group", gateway.getGroup());
            putIfSet(parent, "kind", gateway.getKind());
            putIfSet(parent, "namespace", gateway.getNamespace());
            putIfSet(parent, "name", gateway.getName());
            putIfSet(parent, "sectionName", gateway.getSectionName());
            putIfSet(parent, "port", gateway.getPort());
            parents.add(parent);
        }
        return parents;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
