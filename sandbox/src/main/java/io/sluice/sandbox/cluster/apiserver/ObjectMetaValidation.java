package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code metadata} of every object, built-in or custom, as Kubernetes' {@code ValidateObjectMeta} checks it:
 * name and generateName by the kind's rule, label keys and values, annotation keys and their total size (256 KiB),
 * owner references and finalizers.
 */
final class ObjectMetaValidation {

    /** Annotations may hold at most this many bytes of keys and values together. */
    static final int TOTAL_ANNOTATION_SIZE = 256 * 1024;

    private static final Set<String> RBAC_KINDS = Set.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding");

    private ObjectMetaValidation() {
    }

    /** The name rule of a kind ({@code ValidateNameFunc}). */
    static NameRules.NameRule nameRule(String group, String kind) {
        if (group.isEmpty() && kind.equals("Service")) {
            return NameRules.NameRule.DNS1035_LABEL;
        }
        if (group.isEmpty() && kind.equals("Namespace")) {
            return NameRules.NameRule.DNS_LABEL;
        }
        if (group.equals("rbac.authorization.k8s.io") && RBAC_KINDS.contains(kind)) {
            return NameRules.NameRule.PATH_SEGMENT;
        }
        return NameRules.NameRule.DNS_SUBDOMAIN;
    }

    /** Finalizer names a built-in object may carry without a {@code /} (Kubernetes' standard finalizers). */
    private static final Set<String> STANDARD_FINALIZERS = Set.of("kubernetes", "orphan", "foregroundDeletion");

    /**
     * @param builtIn whether the kind is built in: core's validation then also refuses finalizer names that are
     *                neither standard nor qualified by a domain ({@code hold}), at the finalizer's index
     */
    static void validate(ObjectNode object, NameRules.NameRule rule, boolean builtIn, FieldErrors errors) {
        JsonNode metadata = object.path("metadata");
        String generateName = metadata.path("generateName").asText("");
        if (!generateName.isEmpty()) {
            rule.check(generateName, true).forEach(p -> errors.invalid("metadata.generateName", GoSyntax.quote(generateName), p));
        }
        String name = metadata.path("name").asText("");
        if (name.isEmpty()) {
            errors.required("metadata.name", "name or generateName is required");
        } else {
            rule.check(name, false).forEach(p -> errors.invalid("metadata.name", GoSyntax.quote(name), p));
        }
        labels(metadata.path("labels"), "metadata.labels", errors);
        annotations(metadata.path("annotations"), errors);
        ownerReferences(metadata.path("ownerReferences"), errors);
        for (JsonNode finalizer : metadata.path("finalizers")) {
            NameRules.qualifiedName(finalizer.asText()).forEach(p -> errors.invalid("metadata.finalizers",
                    GoSyntax.quote(finalizer.asText()), p));
        }
        if (builtIn) {
            int index = 0;
            for (JsonNode finalizer : metadata.path("finalizers")) {
                String finalizerName = finalizer.asText();
                if (!finalizerName.contains("/") && !STANDARD_FINALIZERS.contains(finalizerName)) {
                    errors.invalid("metadata.finalizers[" + index + "]", GoSyntax.quote(finalizerName),
                            "name is neither a standard finalizer name nor is it fully qualified");
                }
                index++;
            }
        }
    }

    /** Label keys and values (also of selectors' {@code matchLabels} and pod templates). */
    static void labels(JsonNode labels, String field, FieldErrors errors) {
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> label = it.next();
            NameRules.qualifiedName(label.getKey()).forEach(p -> errors.invalid(field, GoSyntax.quote(label.getKey()), p));
            String value = label.getValue().asText();
            NameRules.labelValue(value).forEach(p -> errors.invalid(field, GoSyntax.quote(value), p));
        }
    }

    static void annotations(JsonNode annotations, FieldErrors errors) {
        long size = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = annotations.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> annotation = it.next();
            String key = annotation.getKey();
            NameRules.qualifiedName(key.toLowerCase(Locale.ROOT)).forEach(p -> errors.invalid("metadata.annotations",
                    GoSyntax.quote(key), p));
            size += key.getBytes(StandardCharsets.UTF_8).length
                    + annotation.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > TOTAL_ANNOTATION_SIZE) {
            errors.tooLong("metadata.annotations", "must have at most " + TOTAL_ANNOTATION_SIZE + " bytes");
        }
    }

    private static void ownerReferences(JsonNode references, FieldErrors errors) {
        int controllers = 0;
        for (JsonNode reference : references) {
            required(reference, "apiVersion", "version must not be empty", errors);
            required(reference, "kind", "kind must not be empty", errors);
            required(reference, "name", "name must not be empty", errors);
            required(reference, "uid", "uid must not be empty", errors);
            controllers += reference.path("controller").asBoolean(false) ? 1 : 0;
        }
        if (controllers > 1) {
            errors.invalid("metadata.ownerReferences", null, "Only one reference can have Controller set to true. "
                    + "Found \"true\" in references for " + controllers + " references");
        }
    }

    private static void required(JsonNode reference, String field, String problem, FieldErrors errors) {
        if (reference.path(field).asText("").isEmpty()) {
            errors.invalid("metadata.ownerReferences." + field, GoSyntax.quote(""), problem);
        }
    }
}
