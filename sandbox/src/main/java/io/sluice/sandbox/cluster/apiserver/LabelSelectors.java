package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** {@code metav1.LabelSelector}s in objects (workload and PDB selectors): matching labels, and their validation. */
final class LabelSelectors {

    private static final List<String> OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");

    private LabelSelectors() {
    }

    /** A selector with neither matchLabels nor matchExpressions (it selects everything). */
    static boolean isEmpty(JsonNode selector) {
        return selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty();
    }

    /** Whether the labels satisfy the selector; a missing (null) selector selects nothing. */
    static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector == null || !selector.isObject()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.path("matchLabels").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> wanted = it.next();
            if (!wanted.getValue().asText().equals(labels.path(wanted.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            JsonNode value = labels.get(expression.path("key").asText());
            boolean listed = false;
            for (JsonNode candidate : expression.path("values")) {
                listed |= value != null && candidate.asText().equals(value.asText());
            }
            boolean holds = switch (expression.path("operator").asText()) {
                case "In" -> listed;
                case "NotIn" -> !listed;
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** {@code ValidateLabelSelector}: label syntax of matchLabels, operators and values of matchExpressions. */
    static void validate(JsonNode selector, String path, FieldErrors errors) {
        ObjectMetaValidation.labels(selector.path("matchLabels"), path + ".matchLabels", errors);
        JsonNode expressions = selector.path("matchExpressions");
        for (int i = 0; i < expressions.size(); i++) {
            JsonNode expression = expressions.get(i);
            String at = path + ".matchExpressions[" + i + "]";
            String operator = expression.path("operator").asText("");
            boolean hasValues = !expression.path("values").isEmpty();
            if (!OPERATORS.contains(operator)) {
                errors.invalid(at + ".operator", GoSyntax.quote(operator), "not a valid selector operator");
            } else if ((operator.equals("In") || operator.equals("NotIn")) && !hasValues) {
                errors.required(at + ".values", "must be specified when `operator` is 'In' or 'NotIn'");
            } else if ((operator.equals("Exists") || operator.equals("DoesNotExist")) && hasValues) {
                errors.forbidden(at + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
            }
            String key = expression.path("key").asText("");
            NameRules.qualifiedName(key).forEach(p -> errors.invalid(at + ".key", GoSyntax.quote(key), p));
        }
    }
}
