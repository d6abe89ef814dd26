package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code fieldSelector} query parameter: {@code path=value}, {@code path==value} or {@code path!=value},
 * comma separated, where path is one of the few fields the type can be selected by, as on a real server
 * ({@code metadata.name} and {@code metadata.namespace} for every type, a few more for some built-ins: see
 * {@link #SELECTABLE}); any other path is a 400. A missing field compares as the empty string.
 */
record FieldSelector(List<Term> terms) {

    record Term(String path, String value, boolean negated) {
        boolean matches(JsonNode object) {
            JsonNode node = object;
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            String actual = node.isValueNode() ? node.asText() : "";
            return negated != value.equals(actual);
        }
    }

    static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private static final List<String> METADATA = List.of("metadata.name", "metadata.namespace");

    /** The fields beyond name and namespace each built-in type can be selected by ({@code resource.group}). */
    private static final Map<String, List<String>> SELECTABLE = Map.of(
            "namespaces", List.of("status.phase"),
            "secrets", List.of("type"),
            "pods", List.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                    "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"),
            "events", List.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                    "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                    "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"),
            "nodes", List.of("spec.unschedulable"),
            "replicationcontrollers", List.of("status.replicas"),
            "replicasets.apps", List.of("status.replicas"),
            "jobs.batch", List.of("status.successful"),
            "certificatesigningrequests.certificates.k8s.io", List.of("spec.signerName"));

    /**
     * @param resource the type selected from, as {@code plural.group} ({@code configmaps}, {@code jobs.batch})
     * @throws ApiException 400 for a malformed selector or a field the type cannot be selected by
     */
    static FieldSelector parse(String selector, String resource) {
        FieldSelector parsed = parse(selector);
        List<String> allowed = new ArrayList<>(METADATA);
        allowed.addAll(SELECTABLE.getOrDefault(resource, List.of()));
        for (Term term : parsed.terms()) {
            if (!allowed.contains(term.path())) {
                StringBuilder only = new StringBuilder();
                for (String field : allowed) {
                    only.append(only.length() == 0 ? "" : ", ").append('"').append(field).append('"');
                }
                throw ApiException.badRequest("\"" + term.path() + "\" is not a known field selector: only " + only);
            }
        }
        return parsed;
    }

    private static FieldSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Term> terms = new ArrayList<>();
        for (String part : selector.split(",")) {
            String text = part.trim();
            int notEquals = text.indexOf("!=");
            int equals = text.indexOf('=');
            if (notEquals > 0) {
                terms.add(new Term(text.substring(0, notEquals).trim(), text.substring(notEquals + 2).trim(), true));
            } else if (equals > 0) {
                int valueStart = text.startsWith("==", equals) ? equals + 2 : equals + 1;
                terms.add(new Term(text.substring(0, equals).trim(), text.substring(valueStart).trim(), false));
            } else {
                throw ApiException.badRequest("invalid selector: '" + selector + "'; can't understand '" + text + "'");
            }
        }
        return new FieldSelector(List.copyOf(terms));
    }

    boolean matches(JsonNode object) {
        return terms.stream().allMatch(t -> t.matches(object));
    }
}
