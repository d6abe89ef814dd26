package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sandbox knows of an object's schema for merging: which lists are associative (and by which keys),
 * which are sets, and which maps are atomic. Field paths are given as field names only (list positions left
 * out), e.g. {@code [spec, template, spec, containers, ports]}.
 *
 * <p>Built-in kinds use {@link #BUILT_IN_RULES}: the list-map keys Kubernetes declares for the lists GitOps
 * manifests commonly carry. Custom resources use their CRD's {@code x-kubernetes-list-type},
 * {@code x-kubernetes-list-map-keys} and {@code x-kubernetes-map-type}; lists without them are atomic, as on
 * a real server. Every other list is atomic.
 */
final class FieldSchema {

    /** A rule: field paths ending in {@code suffix} (or equal to it when {@code exact}) have this list type. */
    private record Rule(String kind, List<String> suffix, boolean exact, ListType type) {
        boolean matches(String objectKind, List<String> names) {
            if (kind != null && !kind.equals(objectKind)) {
                return false;
            }
            if (exact) {
                return names.equals(suffix);
            }
            return names.size() >= suffix.size() && names.subList(names.size() - suffix.size(), names.size()).equals(suffix);
        }
    }

    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");

    /** The list-map keys of core/v1 and friends (see the Kubernetes API reference, "Patch strategy"/"Map keys"). */
    static final List<Rule> BUILT_IN_RULES = builtInRules();

    private static List<Rule> builtInRules() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(null, List.of("metadata", "ownerReferences"), true, ListType.map("uid")));
        rules.add(new Rule(null, List.of("metadata", "finalizers"), true, ListType.SET));
        // A Service's ports are keyed by port and protocol; a container's by containerPort and protocol.
        rules.add(new Rule("Service", List.of("spec", "ports"), true, ListType.map("port", "protocol")
                .withDefault("protocol", "TCP")));
        for (String containers : CONTAINER_LISTS) {
            rules.add(new Rule(null, List.of(containers), false, ListType.map("name")));
            rules.add(new Rule(null, List.of(containers, "ports"), false, ListType.map("containerPort", "protocol")
                    .withDefault("protocol", "TCP")));
            rules.add(new Rule(null, List.of(containers, "env"), false, ListType.map("name")));
            rules.add(new Rule(null, List.of(containers, "volumeMounts"), false, ListType.map("mountPath")));
            rules.add(new Rule(null, List.of(containers, "volumeDevices"), false, ListType.map("devicePath")));
            rules.add(new Rule(null, List.of(containers, "resizePolicy"), false, ListType.map("resourceName")));
        }
        rules.add(new Rule(null, List.of("spec", "volumes"), false, ListType.map("name")));
        rules.add(new Rule(null, List.of("spec", "imagePullSecrets"), false, ListType.map("name")));
        rules.add(new Rule(null, List.of("spec", "hostAliases"), false, ListType.map("ip")));
        rules.add(new Rule(null, List.of("spec", "topologySpreadConstraints"), false,
                ListType.map("topologyKey", "whenUnsatisfiable")));
        rules.add(new Rule(null, List.of("spec", "schedulingGates"), false, ListType.map("name")));
        rules.add(new Rule(null, List.of("spec", "resourceClaims"), false, ListType.map("name")));
        rules.add(new Rule(null, List.of("status", "conditions"), true, ListType.map("type")));
        rules.add(new Rule("MutatingWebhookConfiguration", List.of("webhooks"), true, ListType.map("name")));
        rules.add(new Rule("ValidatingWebhookConfiguration", List.of("webhooks"), true, ListType.map("name")));
        return List.copyOf(rules);
    }

    private final String kind;
    /** The CRD's {@code openAPIV3Schema} for the object's version, or null for built-in kinds. */
    private final JsonNode crdSchema;

    private FieldSchema(String kind, JsonNode crdSchema) {
        this.kind = kind;
        this.crdSchema = crdSchema;
    }

    static FieldSchema builtIn(String kind) {
        return new FieldSchema(kind, null);
    }

    static FieldSchema custom(String kind, JsonNode openApiV3Schema) {
        return new FieldSchema(kind, openApiV3Schema == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : openApiV3Schema);
    }

    ListType listType(List<String> names) {
        if (crdSchema == null || (!names.isEmpty() && names.get(0).equals("metadata"))) {
            for (Rule rule : BUILT_IN_RULES) {
                if (rule.matches(kind, names)) {
                    return rule.type();
                }
            }
            return ListType.ATOMIC;
        }
        JsonNode schema = schemaAt(names);
        String type = schema.path("x-kubernetes-list-type").asText("atomic");
        if (type.equals("set")) {
            return ListType.SET;
        }
        if (type.equals("map")) {
            List<String> keys = new ArrayList<>();
            schema.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
            return keys.isEmpty() ? ListType.ATOMIC : new ListType.Map(keys);
        }
        return ListType.ATOMIC;
    }

    /**
     * Maps replaced whole rather than merged key by key, such as label selectors; for a list of maps, whether its
     * items are (owner references and {@code LocalObjectReference}s are atomic structs: an item is one field).
     */
    boolean atomicMap(List<String> names) {
        if (crdSchema == null || (!names.isEmpty() && names.get(0).equals("metadata"))) {
            // LabelSelectors (workloads, PDBs) and a Service's selector are atomic maps.
            return names.equals(List.of("spec", "selector")) || names.equals(List.of("metadata", "ownerReferences"))
                    || !names.isEmpty() && names.get(names.size() - 1).equals("imagePullSecrets");
        }
        JsonNode schema = schemaAt(names);
        return schema.path("x-kubernetes-map-type").asText("").equals("atomic");
    }

    private JsonNode schemaAt(List<String> names) {
        JsonNode schema = crdSchema;
        for (String name : names) {
            schema = unwrapArray(schema);
            JsonNode next = schema.path("properties").path(name);
            if (next.isMissingNode() && schema.path("additionalProperties").isObject()) {
                next = schema.path("additionalProperties");
            }
            schema = next;
        }
        return schema;
    }

    private static JsonNode unwrapArray(JsonNode schema) {
        JsonNode current = schema;
        while (current.path("type").asText("").equals("array")) {
            current = current.path("items");
        }
        return current;
    }
}
